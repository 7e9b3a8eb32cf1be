package dev.tk86.kernel.parse;

import dev.tk86.kernel.ast.AssignOp;
import dev.tk86.kernel.ast.Attr;
import dev.tk86.kernel.ast.BinaryOp;
import dev.tk86.kernel.ast.Decl;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.FieldDecl;
import dev.tk86.kernel.ast.Param;
import dev.tk86.kernel.ast.Stmt;
import dev.tk86.kernel.ast.TypeExpr;
import dev.tk86.kernel.ast.UnaryOp;
import dev.tk86.kernel.ast.Unit;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.diag.SourceFile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Hand-written recursive-descent parser (why not a generator: see docs/tkl.md). On a syntax
 * error it reports once, then skips to the next statement or declaration boundary and goes
 * on, so one run lists every independent syntax error of a file.
 */
public final class Parser {
    /** Unwinds to the nearest recovery point; the error is already reported. */
    private static final class Bail extends RuntimeException {
        Bail() { super(null, null, false, false); }
    }

    private static final Set<TokenKind> DECL_START = EnumSet.of(TokenKind.FN, TokenKind.STRUCT, TokenKind.CONST,
            TokenKind.VAR, TokenKind.EXTERN, TokenKind.ASSYM, TokenKind.HASH_LBRACKET);
    private static final Set<TokenKind> STMT_START = EnumSet.of(TokenKind.LET, TokenKind.IF, TokenKind.WHILE,
            TokenKind.FOR, TokenKind.RETURN, TokenKind.BREAK, TokenKind.CONTINUE);

    /**
     * Deepest nesting of blocks, parentheses, operators and types accepted. Far beyond any real
     * kernel code, and low enough that checking the tree never exhausts a default JVM stack.
     */
    static final int MAX_DEPTH = 100;

    private final SourceFile file;
    private final List<Token> toks;
    private int depth;
    private final Diagnostics diags;
    private int p;

    private Parser(SourceFile file, List<Token> toks, Diagnostics diags) {
        this.file = file;
        this.toks = toks;
        this.diags = diags;
    }

    /** Lexes and parses one file; errors go to {@code diags}, the result holds what parsed. */
    public static Unit parse(SourceFile file, Diagnostics diags) {
        return new Parser(file, Lexer.tokenize(file, diags), diags).unit();
    }

    // ---- token helpers

    private Token peek() { return toks.get(p); }

    private Token peek(int k) { return toks.get(Math.min(p + k, toks.size() - 1)); }

    private boolean at(TokenKind k) { return peek().kind() == k; }

    private Token advance() {
        Token t = toks.get(p);
        if (t.kind() != TokenKind.EOF) p++;
        return t;
    }

    private boolean accept(TokenKind k) {
        if (at(k)) {
            advance();
            return true;
        }
        return false;
    }

    private Token expect(TokenKind k, String context) {
        if (at(k)) return advance();
        throw fail(peek().pos(), "expected '" + k.spelling + "' " + context + ", found " + peek().describe());
    }

    private Token expectIdent(String context) {
        if (at(TokenKind.IDENT)) return advance();
        Token t = peek();
        boolean keyword = t.kind() != TokenKind.EOF && !t.text().isEmpty() && Character.isLetter(t.text().charAt(0));
        throw fail(t.pos(), "expected " + context + ", found " + (keyword ? "keyword " : "") + t.describe());
    }

    /** Reports and unwinds; stays silent when the culprit is a token the lexer already reported. */
    private void enter(Pos pos, int extra) {
        if (++depth + extra > MAX_DEPTH) {
            throw fail(pos, "nesting too deep: more than " + MAX_DEPTH + " levels of blocks, parentheses, operators or types");
        }
    }

    private Bail fail(Pos pos, String message) {
        if (peek().kind() != TokenKind.ERROR) diags.error(pos, message);
        return new Bail();
    }

    /**
     * A missing ';' at the end of a line is reported where it belongs (just after the last
     * token) but is not fatal: the statement is complete, and keeping it avoids follow-on
     * errors such as "unknown identifier" for a let.
     */
    private void expectSemi(String context) {
        if (accept(TokenKind.SEMI)) return;
        Token prev = toks.get(Math.max(0, p - 1));
        if (p > 0 && peek().pos().line() > prev.pos().line() && peek().kind() != TokenKind.ERROR) {
            Pos end = new Pos(prev.pos().file(), prev.pos().line(), prev.pos().col() + prev.text().length());
            diags.error(end, "missing ';' " + context);
            return;
        }
        if (STMT_START.contains(peek().kind()) || at(TokenKind.RBRACE)) {
            // The next statement (or the block's end) follows directly: keep this one too.
            diags.error(peek().pos(), "expected ';' " + context + ", found " + peek().describe());
            return;
        }
        expect(TokenKind.SEMI, context);
    }

    // ---- declarations

    private Unit unit() {
        List<Decl> decls = new ArrayList<>();
        while (!at(TokenKind.EOF)) {
            int before = p;
            try {
                decls.add(decl());
            } catch (Bail b) {
                syncDecl(before);
            }
        }
        return new Unit(file, decls);
    }

    /** Skips to the next token that can start a declaration outside any braces. */
    private void syncDecl(int before) {
        if (p == before) advance();
        int depth = 0;
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (depth == 0 && DECL_START.contains(k)) return;
            if (k == TokenKind.LBRACE) depth++;
            if (k == TokenKind.RBRACE && depth > 0) depth--;
            advance();
        }
    }

    private List<Attr> attrs() {
        List<Attr> out = new ArrayList<>();
        while (at(TokenKind.HASH_LBRACKET)) {
            Pos pos = advance().pos();
            Token name = peek();
            if (accept(TokenKind.IF)) {
                expect(TokenKind.LPAREN, "after #[if");
                Expr cond = expr();
                expect(TokenKind.RPAREN, "to close #[if(...)");
                out.add(new Attr.If(cond, pos));
            } else if (at(TokenKind.IDENT) && name.text().equals("align")) {
                advance();
                expect(TokenKind.LPAREN, "after #[align");
                Expr v = expr();
                expect(TokenKind.RPAREN, "to close #[align(...)");
                out.add(new Attr.Align(v, pos));
            } else {
                throw fail(name.pos(), "unknown attribute " + name.describe() + " (known: if, align)");
            }
            expect(TokenKind.RBRACKET, "to close the attribute");
        }
        return out;
    }

    private Decl decl() {
        List<Attr> attrs = attrs();
        Token t = peek();
        switch (t.kind()) {
            case STRUCT -> { return structDecl(attrs); }
            case CONST -> {
                advance();
                Token name = expectIdent("a constant name");
                expect(TokenKind.COLON, "after the constant name (constants need a type: const N: u64 = 1;)");
                TypeExpr type = type();
                expect(TokenKind.ASSIGN, "in a constant declaration");
                Expr value = expr();
                expect(TokenKind.SEMI, "after a constant declaration");
                return new Decl.Const(attrs, name.text(), type, value, name.pos());
            }
            case VAR -> {
                advance();
                Token name = expectIdent("a variable name");
                expect(TokenKind.COLON, "after the global variable name (globals need a type)");
                TypeExpr type = type();
                Expr init = accept(TokenKind.ASSIGN) ? expr() : null;
                expect(TokenKind.SEMI, "after a global variable declaration");
                return new Decl.Var(attrs, name.text(), type, init, name.pos());
            }
            case FN -> {
                advance();
                Token name = expectIdent("a function name");
                List<Param> params = params();
                TypeExpr result = accept(TokenKind.ARROW) ? type() : null;
                if (!at(TokenKind.LBRACE)) {
                    throw fail(peek().pos(), "expected '{' to start the body of '" + name.text() + "', found "
                            + peek().describe() + (at(TokenKind.SEMI) ? " (a declaration without body needs 'extern fn')" : ""));
                }
                Stmt.Block body = block();
                return new Decl.Fn(attrs, name.text(), params, result, body, name.pos());
            }
            case EXTERN -> {
                advance();
                if (accept(TokenKind.FN)) {
                    Token name = expectIdent("a function name");
                    List<Param> params = params();
                    TypeExpr result = accept(TokenKind.ARROW) ? type() : null;
                    if (at(TokenKind.LBRACE)) throw fail(peek().pos(), "an extern fn has no body (it is implemented in locore)");
                    expect(TokenKind.SEMI, "after an extern fn declaration");
                    return new Decl.ExternFn(attrs, name.text(), params, result, name.pos());
                }
                if (accept(TokenKind.VAR)) {
                    Token name = expectIdent("a variable name");
                    expect(TokenKind.COLON, "after the extern variable name");
                    TypeExpr type = type();
                    if (at(TokenKind.ASSIGN)) throw fail(peek().pos(), "an extern var has no initialiser (it is defined in locore.S)");
                    expect(TokenKind.SEMI, "after an extern var declaration");
                    return new Decl.ExternVar(attrs, name.text(), type, name.pos());
                }
                throw fail(peek().pos(), "expected 'fn' or 'var' after 'extern', found " + peek().describe());
            }
            case ASSYM -> {
                advance();
                Token name = expectIdent("an assym name");
                expect(TokenKind.ASSIGN, "in an assym declaration");
                Expr value = expr();
                expect(TokenKind.SEMI, "after an assym declaration");
                return new Decl.Assym(attrs, name.text(), value, name.pos());
            }
            default -> throw fail(t.pos(), "expected a declaration (fn, struct, const, var, extern, assym), found "
                    + t.describe());
        }
    }

    private Decl structDecl(List<Attr> attrs) {
        advance();
        Token name = expectIdent("a struct name");
        expect(TokenKind.LBRACE, "to start the fields of struct " + name.text());
        List<FieldDecl> fields = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            List<Attr> fa = attrs();
            Token f = expectIdent("a field name");
            expect(TokenKind.COLON, "after field name '" + f.text() + "'");
            TypeExpr t = type();
            fields.add(new FieldDecl(fa, f.text(), t, f.pos()));
            if (!accept(TokenKind.COMMA)) {
                if (!at(TokenKind.RBRACE)) {
                    throw fail(peek().pos(), "expected ',' or '}' after field '" + f.text() + "', found " + peek().describe());
                }
            }
        }
        advance();
        return new Decl.Struct(attrs, name.text(), fields, name.pos());
    }

    private List<Param> params() {
        expect(TokenKind.LPAREN, "to start the parameter list");
        List<Param> out = new ArrayList<>();
        if (!at(TokenKind.RPAREN)) {
            do {
                Token n = expectIdent("a parameter name");
                expect(TokenKind.COLON, "after parameter '" + n.text() + "'");
                out.add(new Param(n.text(), type(), n.pos()));
            } while (accept(TokenKind.COMMA));
        }
        expect(TokenKind.RPAREN, "to close the parameter list");
        return out;
    }

    // ---- types

    private TypeExpr type() {
        enter(peek().pos(), 0);
        try {
            return typeBody();
        } finally {
            depth--;
        }
    }

    private TypeExpr typeBody() {
        Token t = peek();
        switch (t.kind()) {
            case PRIM -> { advance(); return new TypeExpr.Prim(t.text(), t.pos()); }
            case IDENT -> { advance(); return new TypeExpr.Named(t.text(), t.pos()); }
            case STAR -> { advance(); return new TypeExpr.Ptr(type(), t.pos()); }
            case LBRACKET -> {
                advance();
                Expr len = expr();
                expect(TokenKind.RBRACKET, "after the array length");
                return new TypeExpr.Array(len, type(), t.pos());
            }
            case FN -> {
                advance();
                expect(TokenKind.LPAREN, "in a function pointer type");
                List<TypeExpr> ps = new ArrayList<>();
                if (!at(TokenKind.RPAREN)) {
                    do ps.add(type()); while (accept(TokenKind.COMMA));
                }
                expect(TokenKind.RPAREN, "to close a function pointer type");
                TypeExpr r = accept(TokenKind.ARROW) ? type() : null;
                return new TypeExpr.Fn(ps, r, t.pos());
            }
            default -> throw fail(t.pos(), "expected a type, found " + t.describe());
        }
    }

    // ---- statements

    private Stmt.Block block() {
        enter(peek().pos(), 0);
        try {
            return blockBody();
        } finally {
            depth--;
        }
    }

    private Stmt.Block blockBody() {
        Pos start = expect(TokenKind.LBRACE, "to start a block").pos();
        List<Stmt> stmts = new ArrayList<>();
        while (!at(TokenKind.RBRACE)) {
            if (at(TokenKind.EOF)) throw fail(peek().pos(), "expected '}' to close the block opened at line " + start.line());
            if (DECL_START.contains(peek().kind()) && !at(TokenKind.FN) || at(TokenKind.FN) && peek(1).kind() == TokenKind.IDENT) {
                // A declaration inside a body almost always means a missing '}' above.
                throw fail(peek().pos(), "expected a statement, found " + peek().describe()
                        + " (declarations are only allowed at top level; missing '}'?)");
            }
            int before = p;
            try {
                stmts.add(stmt());
            } catch (Bail b) {
                stmts.add(new Stmt.Bad(toks.get(before).pos()));
                syncStmt(before);
            }
        }
        Pos end = advance().pos();
        return new Stmt.Block(stmts, start, end);
    }

    /** Skips past the current statement: to just after ';' or just before '}' at this nesting level. */
    private void syncStmt(int before) {
        if (p == before && !at(TokenKind.RBRACE)) advance();
        int depth = 0;
        while (!at(TokenKind.EOF)) {
            TokenKind k = peek().kind();
            if (depth == 0) {
                if (k == TokenKind.SEMI) { advance(); return; }
                if (k == TokenKind.RBRACE) return;
                if (STMT_START.contains(k) && p != before) return;
                if (DECL_START.contains(k) && k != TokenKind.FN) return;
            }
            if (k == TokenKind.LBRACE) depth++;
            if (k == TokenKind.RBRACE) {
                depth--;
                if (depth == 0) { advance(); return; }
            }
            advance();
        }
    }

    private Stmt stmt() {
        Token t = peek();
        switch (t.kind()) {
            case LBRACE -> { return block(); }
            case IF -> { return ifStmt(); }
            case WHILE -> {
                advance();
                Expr cond = expr();
                return new Stmt.While(cond, blockAfter("while condition"), t.pos());
            }
            case FOR -> {
                advance();
                Stmt init = at(TokenKind.SEMI) ? null : simple();
                expect(TokenKind.SEMI, "after the for-loop initialiser (for init; cond; step { ... })");
                Expr cond = at(TokenKind.SEMI) ? null : expr();
                expect(TokenKind.SEMI, "after the for-loop condition (for init; cond; step { ... })");
                Stmt step = at(TokenKind.LBRACE) ? null : simple();
                if (step instanceof Stmt.Let) throw fail(step.pos(), "the step of a for loop cannot declare a variable");
                return new Stmt.For(init, cond, step, blockAfter("for clauses"), t.pos());
            }
            case BREAK -> { advance(); expectSemi("after 'break'"); return new Stmt.Break(t.pos()); }
            case CONTINUE -> { advance(); expectSemi("after 'continue'"); return new Stmt.Continue(t.pos()); }
            case RETURN -> {
                advance();
                Expr v = at(TokenKind.SEMI) ? null : expr();
                expectSemi("after the return statement");
                return new Stmt.Return(v, t.pos());
            }
            default -> {
                Stmt s = simple();
                expectSemi("after the statement");
                return s;
            }
        }
    }

    private Stmt.Block blockAfter(String what) {
        if (!at(TokenKind.LBRACE)) {
            throw fail(peek().pos(), "expected '{' after the " + what + ", found " + peek().describe()
                    + " (braces are required)");
        }
        return block();
    }

    private Stmt ifStmt() {
        Token t = advance();
        Expr cond = expr();
        Stmt.Block then = blockAfter("if condition");
        Stmt orElse = null;
        if (accept(TokenKind.ELSE)) {
            orElse = at(TokenKind.IF) ? ifStmt() : blockAfter("'else'");
        }
        return new Stmt.If(cond, then, orElse, t.pos());
    }

    /** let, assignment, or expression statement — without the terminating ';'. */
    private Stmt simple() {
        Token t = peek();
        if (accept(TokenKind.LET)) {
            Token name = expectIdent("a variable name after 'let'");
            TypeExpr type = accept(TokenKind.COLON) ? type() : null;
            Expr init = accept(TokenKind.ASSIGN) ? expr() : null;
            if (type == null && init == null) {
                throw fail(name.pos(), "'let " + name.text() + "' needs a type or an initialiser");
            }
            return new Stmt.Let(name.text(), name.pos(), type, init, t.pos());
        }
        Expr e = expr();
        AssignOp op = assignOp(peek().kind());
        if (op != null) {
            Pos opPos = advance().pos();
            Expr v = expr();
            return new Stmt.Assign(op, e, v, opPos, t.pos());
        }
        if (at(TokenKind.EQEQ) || at(TokenKind.NE) || at(TokenKind.LT) || at(TokenKind.GT)
                || at(TokenKind.LE) || at(TokenKind.GE)) {
            throw fail(peek().pos(), "comparison operators do not chain; use parentheses or &&");
        }
        return new Stmt.ExprStmt(e, t.pos());
    }

    private static AssignOp assignOp(TokenKind k) {
        return switch (k) {
            case ASSIGN -> AssignOp.SET; case PLUS_EQ -> AssignOp.ADD; case MINUS_EQ -> AssignOp.SUB;
            case STAR_EQ -> AssignOp.MUL; case SLASH_EQ -> AssignOp.DIV; case PERCENT_EQ -> AssignOp.REM;
            case AMP_EQ -> AssignOp.AND; case PIPE_EQ -> AssignOp.OR; case CARET_EQ -> AssignOp.XOR;
            case SHL_EQ -> AssignOp.SHL; case SHR_EQ -> AssignOp.SHR;
            default -> null;
        };
    }

    // ---- expressions (precedence climbing; table in BinaryOp)

    private Expr expr() {
        enter(peek().pos(), 0);
        try {
            return binary(BinaryOp.LOR.precedence);
        } finally {
            depth--;
        }
    }

    private static BinaryOp binaryOp(TokenKind k) {
        return switch (k) {
            case STAR -> BinaryOp.MUL; case SLASH -> BinaryOp.DIV; case PERCENT -> BinaryOp.REM;
            case PLUS -> BinaryOp.ADD; case MINUS -> BinaryOp.SUB; case SHL -> BinaryOp.SHL; case SHR -> BinaryOp.SHR;
            case AMP -> BinaryOp.AND; case CARET -> BinaryOp.XOR; case PIPE -> BinaryOp.OR;
            case EQEQ -> BinaryOp.EQ; case NE -> BinaryOp.NE; case LT -> BinaryOp.LT; case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT; case GE -> BinaryOp.GE; case ANDAND -> BinaryOp.LAND; case OROR -> BinaryOp.LOR;
            default -> null;
        };
    }

    private Expr binary(int minPrec) {
        Expr left = cast();
        int chain = 0;
        while (true) {
            BinaryOp op = binaryOp(peek().kind());
            if (op == null || op.precedence < minPrec) return left;
            // A left-associative chain nests its tree as deeply as it is long.
            if (depth + ++chain > MAX_DEPTH) {
                throw fail(peek().pos(), "nesting too deep: more than " + MAX_DEPTH + " operators in one expression");
            }
            Pos opPos = advance().pos();
            Expr right = binary(op.precedence + 1);
            left = new Expr.Binary(op, left, right, opPos);
            if (op.isComparison() && binaryOp(peek().kind()) != null && binaryOp(peek().kind()).isComparison()) {
                throw fail(peek().pos(), "comparison operators do not chain; use parentheses or &&");
            }
        }
    }

    private Expr cast() {
        Expr e = unary();
        while (at(TokenKind.AS)) {
            Pos pos = advance().pos();
            e = new Expr.Cast(e, type(), pos);
        }
        return e;
    }

    private Expr unary() {
        Token t = peek();
        UnaryOp op = switch (t.kind()) {
            case MINUS -> UnaryOp.NEG; case BANG -> UnaryOp.NOT; case TILDE -> UnaryOp.BITNOT;
            case STAR -> UnaryOp.DEREF; case AMP -> UnaryOp.ADDR;
            default -> null;
        };
        if (op == null) {
            if (at(TokenKind.ANDAND)) {
                throw fail(t.pos(), "'&&' cannot start an expression (for the address of an address, write '& &x')");
            }
            return postfix();
        }
        advance();
        enter(t.pos(), 0);
        try {
            return new Expr.Unary(op, unary(), t.pos());
        } finally {
            depth--;
        }
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            if (at(TokenKind.LPAREN)) {
                advance();
                List<Expr> args = new ArrayList<>();
                if (!at(TokenKind.RPAREN)) {
                    do args.add(expr()); while (accept(TokenKind.COMMA));
                }
                expect(TokenKind.RPAREN, "to close the argument list");
                e = new Expr.Call(e, args, e.pos());
            } else if (at(TokenKind.LBRACKET)) {
                Pos pos = advance().pos();
                Expr idx = expr();
                expect(TokenKind.RBRACKET, "to close the index");
                e = new Expr.Index(e, idx, pos);
            } else if (at(TokenKind.DOT)) {
                advance();
                Token f = expectIdent("a field name after '.'");
                e = new Expr.Field(e, f.text(), f.pos());
            } else if (at(TokenKind.ARROW)) {
                throw fail(peek().pos(), "use '.' for fields: it dereferences pointers automatically ('->' is only for result types)");
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Token t = peek();
        switch (t.kind()) {
            case INT -> { advance(); return new Expr.IntLit(t.intValue(), t.pos()); }
            case STRING -> { advance(); return new Expr.StrLit(t.bytes(), t.pos()); }
            case TRUE -> { advance(); return new Expr.BoolLit(true, t.pos()); }
            case FALSE -> { advance(); return new Expr.BoolLit(false, t.pos()); }
            case NULL -> { advance(); return new Expr.NullLit(t.pos()); }
            case IDENT -> { advance(); return new Expr.Name(t.text(), t.pos()); }
            case LPAREN -> {
                advance();
                Expr e = expr();
                expect(TokenKind.RPAREN, "to close the parenthesis");
                return e;
            }
            case SIZEOF -> {
                advance();
                expect(TokenKind.LPAREN, "after sizeof (sizeof takes a type: sizeof(T))");
                TypeExpr type = type();
                expect(TokenKind.RPAREN, "to close sizeof");
                return new Expr.SizeOf(type, t.pos());
            }
            case OFFSETOF -> {
                advance();
                expect(TokenKind.LPAREN, "after offsetof");
                TypeExpr type = type();
                expect(TokenKind.COMMA, "after the struct in offsetof(S, field)");
                List<String> path = new ArrayList<>();
                List<Pos> pathPos = new ArrayList<>();
                do {
                    Token f = expectIdent("a field name in offsetof");
                    path.add(f.text());
                    pathPos.add(f.pos());
                } while (accept(TokenKind.DOT));
                expect(TokenKind.RPAREN, "to close offsetof");
                return new Expr.OffsetOf(type, path, pathPos, t.pos());
            }
            case OPTION -> {
                advance();
                expect(TokenKind.LPAREN, "after option");
                Token n = expectIdent("an option name");
                expect(TokenKind.RPAREN, "to close option(...)");
                return new Expr.Option(n.text(), n.pos(), t.pos());
            }
            default -> throw fail(t.pos(), "expected an expression, found " + t.describe());
        }
    }
}
