package dev.tk86.kernel.parse;

import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.diag.SourceFile;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns a source file into tokens. Lexical errors are reported and skipped, so the parser
 * still sees the rest of the file and can report its own errors too.
 */
public final class Lexer {
    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    private static final Map<String, TokenKind> KEYWORDS = Map.ofEntries(
            Map.entry("fn", TokenKind.FN), Map.entry("let", TokenKind.LET), Map.entry("var", TokenKind.VAR),
            Map.entry("const", TokenKind.CONST), Map.entry("struct", TokenKind.STRUCT),
            Map.entry("extern", TokenKind.EXTERN), Map.entry("assym", TokenKind.ASSYM),
            Map.entry("if", TokenKind.IF), Map.entry("else", TokenKind.ELSE), Map.entry("while", TokenKind.WHILE),
            Map.entry("for", TokenKind.FOR), Map.entry("break", TokenKind.BREAK),
            Map.entry("continue", TokenKind.CONTINUE), Map.entry("return", TokenKind.RETURN),
            Map.entry("as", TokenKind.AS), Map.entry("sizeof", TokenKind.SIZEOF),
            Map.entry("offsetof", TokenKind.OFFSETOF), Map.entry("option", TokenKind.OPTION),
            Map.entry("true", TokenKind.TRUE), Map.entry("false", TokenKind.FALSE), Map.entry("null", TokenKind.NULL),
            Map.entry("u8", TokenKind.PRIM), Map.entry("u16", TokenKind.PRIM), Map.entry("u32", TokenKind.PRIM),
            Map.entry("u64", TokenKind.PRIM), Map.entry("i8", TokenKind.PRIM), Map.entry("i16", TokenKind.PRIM),
            Map.entry("i32", TokenKind.PRIM), Map.entry("i64", TokenKind.PRIM), Map.entry("bool", TokenKind.PRIM),
            Map.entry("void", TokenKind.PRIM));

    private final SourceFile file;
    private final String s;
    private final Diagnostics diags;
    private int i;
    private int line = 1;
    private int lineStart;

    private Lexer(SourceFile file, Diagnostics diags) {
        this.file = file;
        this.s = file.text();
        this.diags = diags;
    }

    /** All tokens of {@code file}, ending with EOF. */
    public static List<Token> tokenize(SourceFile file, Diagnostics diags) {
        return new Lexer(file, diags).run();
    }

    private Pos pos(int at) { return new Pos(file, line, at - lineStart + 1); }

    private char peek(int k) { return i + k < s.length() ? s.charAt(i + k) : '\0'; }

    private List<Token> run() {
        List<Token> out = new ArrayList<>();
        while (true) {
            skipSpaceAndComments();
            if (i >= s.length()) {
                out.add(new Token(TokenKind.EOF, "", pos(i), null, null));
                return out;
            }
            out.add(next());
        }
    }

    private void newline() {
        line++;
        lineStart = i;
    }

    private void skipSpaceAndComments() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                i++;
                newline();
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                i++;
            } else if (c == '/' && peek(1) == '/') {
                while (i < s.length() && s.charAt(i) != '\n') i++;
            } else if (c == '/' && peek(1) == '*') {
                Pos start = pos(i);
                i += 2;
                boolean closed = false;
                while (i < s.length()) {
                    if (s.charAt(i) == '*' && peek(1) == '/') {
                        i += 2;
                        closed = true;
                        break;
                    }
                    if (s.charAt(i++) == '\n') newline();
                }
                if (!closed) diags.error(start, "unterminated comment");
            } else {
                return;
            }
        }
    }

    private Token next() {
        int start = i;
        Pos p = pos(i);
        char c = s.charAt(i);
        if (identStart(c)) {
            while (i < s.length() && identPart(s.charAt(i))) i++;
            String word = s.substring(start, i);
            return new Token(KEYWORDS.getOrDefault(word, TokenKind.IDENT), word, p, null, null);
        }
        if (c >= '0' && c <= '9') return number(p);
        if (c == '\'') return charLiteral(p);
        if (c == '"') return stringLiteral(p);
        TokenKind k = punct();
        if (k == null) {
            i++;
            diags.error(p, "unexpected character '" + printable(c) + "'");
            return new Token(TokenKind.ERROR, String.valueOf(c), p, null, null);
        }
        return new Token(k, s.substring(start, i), p, null, null);
    }

    /** ASCII only: identifiers become ELF symbols that GNU as and gdb must accept. */
    private static boolean identStart(char c) { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'; }

    private static boolean identPart(char c) { return identStart(c) || c >= '0' && c <= '9'; }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c);
    }

    private TokenKind punct() {
        char c = s.charAt(i);
        char d = peek(1);
        char e = peek(2);
        TokenKind k;
        int len = 2;
        switch (c) {
            case '(' -> { k = TokenKind.LPAREN; len = 1; }
            case ')' -> { k = TokenKind.RPAREN; len = 1; }
            case '{' -> { k = TokenKind.LBRACE; len = 1; }
            case '}' -> { k = TokenKind.RBRACE; len = 1; }
            case '[' -> { k = TokenKind.LBRACKET; len = 1; }
            case ']' -> { k = TokenKind.RBRACKET; len = 1; }
            case ',' -> { k = TokenKind.COMMA; len = 1; }
            case ';' -> { k = TokenKind.SEMI; len = 1; }
            case ':' -> { k = TokenKind.COLON; len = 1; }
            case '.' -> { k = TokenKind.DOT; len = 1; }
            case '~' -> { k = TokenKind.TILDE; len = 1; }
            case '#' -> {
                if (d != '[') return null;
                k = TokenKind.HASH_LBRACKET;
            }
            case '-' -> {
                if (d == '>') k = TokenKind.ARROW;
                else if (d == '=') k = TokenKind.MINUS_EQ;
                else { k = TokenKind.MINUS; len = 1; }
            }
            case '+' -> { if (d == '=') k = TokenKind.PLUS_EQ; else { k = TokenKind.PLUS; len = 1; } }
            case '*' -> { if (d == '=') k = TokenKind.STAR_EQ; else { k = TokenKind.STAR; len = 1; } }
            case '/' -> { if (d == '=') k = TokenKind.SLASH_EQ; else { k = TokenKind.SLASH; len = 1; } }
            case '%' -> { if (d == '=') k = TokenKind.PERCENT_EQ; else { k = TokenKind.PERCENT; len = 1; } }
            case '^' -> { if (d == '=') k = TokenKind.CARET_EQ; else { k = TokenKind.CARET; len = 1; } }
            case '!' -> { if (d == '=') k = TokenKind.NE; else { k = TokenKind.BANG; len = 1; } }
            case '=' -> { if (d == '=') k = TokenKind.EQEQ; else { k = TokenKind.ASSIGN; len = 1; } }
            case '&' -> {
                if (d == '&') k = TokenKind.ANDAND;
                else if (d == '=') k = TokenKind.AMP_EQ;
                else { k = TokenKind.AMP; len = 1; }
            }
            case '|' -> {
                if (d == '|') k = TokenKind.OROR;
                else if (d == '=') k = TokenKind.PIPE_EQ;
                else { k = TokenKind.PIPE; len = 1; }
            }
            case '<' -> {
                if (d == '<' && e == '=') { k = TokenKind.SHL_EQ; len = 3; }
                else if (d == '<') k = TokenKind.SHL;
                else if (d == '=') k = TokenKind.LE;
                else { k = TokenKind.LT; len = 1; }
            }
            case '>' -> {
                if (d == '>' && e == '=') { k = TokenKind.SHR_EQ; len = 3; }
                else if (d == '>') k = TokenKind.SHR;
                else if (d == '=') k = TokenKind.GE;
                else { k = TokenKind.GT; len = 1; }
            }
            default -> { return null; }
        }
        i += len;
        return k;
    }

    /** Decimal, 0x hex, 0o octal, 0b binary; '_' separates digits. A C-style leading 0 is an error. */
    private Token number(Pos p) {
        int start = i;
        int radix = 10;
        if (s.charAt(i) == '0' && (peek(1) == 'x' || peek(1) == 'X')) radix = 16;
        else if (s.charAt(i) == '0' && (peek(1) == 'b' || peek(1) == 'B')) radix = 2;
        else if (s.charAt(i) == '0' && (peek(1) == 'o' || peek(1) == 'O')) radix = 8;
        if (radix != 10) i += 2;
        int digitsStart = i;
        while (i < s.length() && identPart(s.charAt(i))) i++;
        String text = s.substring(start, i);
        String digits = s.substring(digitsStart, i).replace("_", "");
        for (int k = digitsStart; k < i; k++) {
            char ch = s.charAt(k);
            if (ch != '_' && Character.digit(ch, radix) < 0) {
                diags.error(pos(k), "invalid digit '" + ch + "' in " + radixName(radix) + " literal " + text);
                return new Token(TokenKind.INT, text, p, BigInteger.ZERO, null);
            }
        }
        if (digits.isEmpty()) {
            diags.error(p, "missing digits in " + radixName(radix) + " literal " + text);
            return new Token(TokenKind.INT, text, p, BigInteger.ZERO, null);
        }
        if (radix == 10 && digits.length() > 1 && digits.charAt(0) == '0') {
            diags.error(p, "leading zero in " + text + ": write 0o" + digits.substring(1) + " for octal, or drop the 0");
            return new Token(TokenKind.INT, text, p, BigInteger.ZERO, null);
        }
        BigInteger v = new BigInteger(digits, radix);
        if (v.compareTo(U64_MAX) > 0) {
            diags.error(p, "integer literal " + text + " does not fit in 64 bits");
            v = BigInteger.ZERO;
        }
        return new Token(TokenKind.INT, text, p, v, null);
    }

    private static String radixName(int radix) {
        return switch (radix) { case 16 -> "hex"; case 8 -> "octal"; case 2 -> "binary"; default -> "decimal"; };
    }

    private Token charLiteral(Pos p) {
        int start = i;
        i++;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean ok = body('\'', b, p, "character literal");
        String text = s.substring(start, i);
        if (!ok) return new Token(TokenKind.ERROR, text, p, null, null);
        if (b.size() != 1) {
            diags.error(p, b.size() == 0 ? "empty character literal" : "character literal " + text + " is not one byte");
            return new Token(TokenKind.INT, text, p, BigInteger.ZERO, null);
        }
        return new Token(TokenKind.INT, text, p, BigInteger.valueOf(b.toByteArray()[0] & 0xff), null);
    }

    private Token stringLiteral(Pos p) {
        int start = i;
        i++;
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        boolean ok = body('"', b, p, "string literal");
        return new Token(ok ? TokenKind.STRING : TokenKind.ERROR, s.substring(start, i), p, null, b.toByteArray());
    }

    /** Reads up to and including the closing quote; false (error reported) if unterminated or malformed. */
    private boolean body(char quote, ByteArrayOutputStream out, Pos p, String what) {
        boolean ok = true;
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n') {
                diags.error(p, "unterminated " + what);
                return false;
            }
            char c = s.charAt(i);
            if (c == quote) {
                i++;
                return ok;
            }
            if (c == '\\') {
                Pos ep = pos(i);
                char n = peek(1);
                i += 2;
                switch (n) {
                    case 'n' -> out.write('\n');
                    case 't' -> out.write('\t');
                    case 'r' -> out.write('\r');
                    case '0' -> out.write(0);
                    case '\\' -> out.write('\\');
                    case '\'' -> out.write('\'');
                    case '"' -> out.write('"');
                    case 'x' -> {
                        int h1 = Character.digit(peek(0), 16);
                        int h2 = Character.digit(peek(1), 16);
                        if (h1 < 0 || h2 < 0) {
                            diags.error(ep, "\\x escape needs two hex digits");
                            ok = false;
                        } else {
                            out.write(h1 * 16 + h2);
                            i += 2;
                        }
                    }
                    default -> {
                        if (n == '\n' || n == '\0') {
                            i--;
                            continue;
                        }
                        diags.error(ep, "unknown escape '\\" + printable(n) + "'");
                        ok = false;
                    }
                }
                continue;
            }
            int cp = s.codePointAt(i);
            byte[] enc = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
            out.write(enc, 0, enc.length);
            i += Character.charCount(cp);
        }
    }
}
