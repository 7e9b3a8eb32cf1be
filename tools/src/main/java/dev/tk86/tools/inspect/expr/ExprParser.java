package dev.tk86.tools.inspect.expr;

import dev.tk86.tools.inspect.InspectException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a debugger expression. Precedence, lowest first: {@code + -}; {@code as T} casts;
 * prefix {@code * & -}; postfix {@code . -> [] ()}. A parse error is one line naming the column
 * and what was expected.
 */
public final class ExprParser {
    private record Token(String text, int column) { }

    private final String source;
    private final List<Token> tokens;
    private int pos;

    private ExprParser(String source) {
        this.source = source;
        this.tokens = lex(source);
    }

    public static Expr parse(String source) {
        ExprParser p = new ExprParser(source);
        if (p.tokens.isEmpty()) throw new InspectException("empty expression: expected a name, a number, or *, & or ( ... )");
        Expr e = p.additive();
        if (p.pos < p.tokens.size()) throw p.error("end of expression");
        return e;
    }

    private Expr additive() {
        Expr e = cast();
        while (peek("+") || peek("-")) {
            Token op = next();
            e = new Expr.Binary(op.text.charAt(0), e, cast(), op.column);
        }
        return e;
    }

    private Expr cast() {
        Expr e = unary();
        while (peek("as")) {
            Token as = next();
            e = new Expr.Cast(e, type(), as.column);
        }
        return e;
    }

    private Expr unary() {
        if (peek("*")) { Token t = next(); return new Expr.Deref(unary(), t.column); }
        if (peek("&")) { Token t = next(); return new Expr.AddressOf(unary(), t.column); }
        if (peek("-")) { Token t = next(); return new Expr.Negate(unary(), t.column); }
        return postfix();
    }

    private Expr postfix() {
        Expr e = primary();
        while (true) {
            if (peek(".") || peek("->")) {
                Token op = next();
                Token name = expectIdent("a field name after '" + op.text + "'");
                e = new Expr.Field(e, name.text, op.text.equals("->"), op.column);
            } else if (peek("[")) {
                Token t = next();
                Expr i = additive();
                expect("]");
                e = new Expr.Index(e, i, t.column);
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        if (pos >= tokens.size()) throw error("a name, a number, or ( ... )");
        Token t = next();
        char c = t.text.charAt(0);
        if (Character.isDigit(c)) return new Expr.Number(number(t), t.column);
        if (c == '$') return new Expr.Register(t.text.substring(1), t.column);
        if (c == '(') {
            Expr e = additive();
            expect(")");
            return e;
        }
        if (isIdentStart(c) && !t.text.equals("as")) {
            if (peek("(")) {
                next();
                expect(")");
                return new Expr.Call(t.text, t.column);
            }
            return new Expr.Name(t.text, t.column);
        }
        pos--;
        throw error("a name, a number, or ( ... )");
    }

    private TypeName type() {
        if (peek("*")) { next(); return new TypeName.Pointer(type()); }
        if (peek("[")) {
            next();
            if (pos >= tokens.size() || !Character.isDigit(tokens.get(pos).text.charAt(0))) throw error("an array length");
            long n = number(next());
            expect("]");
            return new TypeName.Array(n, type());
        }
        return new TypeName.Named(expectIdent("a type (u64, a struct name, *T or [N]T)").text);
    }

    private long number(Token t) {
        String s = t.text.replace("_", "").toLowerCase();
        try {
            if (s.startsWith("0x")) return Long.parseUnsignedLong(s.substring(2), 16);
            if (s.startsWith("0b")) return Long.parseUnsignedLong(s.substring(2), 2);
            if (s.startsWith("0o")) return Long.parseUnsignedLong(s.substring(2), 8);
            return Long.parseUnsignedLong(s);
        } catch (NumberFormatException e) {
            throw InspectException.of("column %d: '%s' is not a number that fits in 64 bits", t.column, t.text);
        }
    }

    private boolean peek(String text) { return pos < tokens.size() && tokens.get(pos).text.equals(text); }

    private Token next() { return tokens.get(pos++); }

    private void expect(String text) {
        if (!peek(text)) throw error("'" + text + "'");
        pos++;
    }

    private Token expectIdent(String what) {
        if (pos >= tokens.size() || !isIdentStart(tokens.get(pos).text.charAt(0))) throw error(what);
        return next();
    }

    private InspectException error(String expected) {
        if (pos >= tokens.size())
            return InspectException.of("column %d: expected %s at the end of '%s'", source.length() + 1, expected, source);
        Token t = tokens.get(pos);
        return InspectException.of("column %d: expected %s, found '%s'", t.column, expected, t.text);
    }

    private static boolean isIdentStart(char c) { return Character.isLetter(c) || c == '_'; }

    private static List<Token> lex(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) { i++; continue; }
            int start = i;
            if (isIdentStart(c) || Character.isDigit(c) || c == '$') {
                i++;
                while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) i++;
                if (c == '$' && i == start + 1) throw InspectException.of("column %d: expected a register name after '$'", start + 1);
            } else if (s.startsWith("->", i)) {
                i += 2;
            } else if ("()[].*&+-".indexOf(c) >= 0) {
                i++;
            } else {
                throw InspectException.of("column %d: unexpected character '%c' (expressions use names, numbers, . -> * & [] ( ) + - and 'as')",
                        start + 1, c);
            }
            out.add(new Token(s.substring(start, i), start + 1));
        }
        return out;
    }
}
