package dev.tk86.kernel.parse;

/** Token kinds; keywords and punctuation carry their spelling for messages. */
public enum TokenKind {
    IDENT("identifier"), INT("integer literal"), STRING("string literal"), EOF("end of file"),
    /** A lexical error, already reported: the parser bails out of the statement silently. */
    ERROR("invalid token"),
    // keywords
    FN("fn"), LET("let"), VAR("var"), CONST("const"), STRUCT("struct"), EXTERN("extern"), ASSYM("assym"),
    IF("if"), ELSE("else"), WHILE("while"), FOR("for"), BREAK("break"), CONTINUE("continue"), RETURN("return"),
    AS("as"), SIZEOF("sizeof"), OFFSETOF("offsetof"), OPTION("option"), TRUE("true"), FALSE("false"), NULL("null"),
    /** u8 u16 u32 u64 i8 i16 i32 i64 bool void: the token text says which. */
    PRIM("type name"),
    // punctuation
    LPAREN("("), RPAREN(")"), LBRACE("{"), RBRACE("}"), LBRACKET("["), RBRACKET("]"), HASH_LBRACKET("#["),
    COMMA(","), SEMI(";"), COLON(":"), DOT("."), ARROW("->"),
    PLUS("+"), MINUS("-"), STAR("*"), SLASH("/"), PERCENT("%"), AMP("&"), PIPE("|"), CARET("^"), TILDE("~"), BANG("!"),
    SHL("<<"), SHR(">>"), ANDAND("&&"), OROR("||"), EQEQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="),
    ASSIGN("="), PLUS_EQ("+="), MINUS_EQ("-="), STAR_EQ("*="), SLASH_EQ("/="), PERCENT_EQ("%="), AMP_EQ("&="),
    PIPE_EQ("|="), CARET_EQ("^="), SHL_EQ("<<="), SHR_EQ(">>=");

    public final String spelling;

    TokenKind(String spelling) { this.spelling = spelling; }
}
