package dev.tk86.kernel.ast;

/**
 * Prints expressions back as normalised source (single spaces, parentheses only where the
 * precedence needs them): KASSERT messages quote the condition this way.
 */
public final class ExprPrinter {
    private ExprPrinter() {}

    public static String print(Expr e) { return print(e, 0); }

    private static String print(Expr e, int outerPrec) {
        if (e instanceof Expr.IntLit l) return l.value().toString();
        if (e instanceof Expr.StrLit s) return quote(s.bytes());
        if (e instanceof Expr.BoolLit b) return Boolean.toString(b.value());
        if (e instanceof Expr.NullLit) return "null";
        if (e instanceof Expr.Name n) return n.name();
        if (e instanceof Expr.Unary u) return u.op().symbol + print(u.operand(), 12);
        if (e instanceof Expr.Binary b) {
            int p = b.op().precedence;
            String s = print(b.left(), p) + " " + b.op().symbol + " " + print(b.right(), p + 1);
            return p < outerPrec ? "(" + s + ")" : s;
        }
        if (e instanceof Expr.Cast c) {
            String s = print(c.operand(), 11) + " as " + type(c.type());
            return 11 < outerPrec ? "(" + s + ")" : s;
        }
        if (e instanceof Expr.Call c) {
            StringBuilder sb = new StringBuilder(print(c.callee(), 13)).append('(');
            for (int i = 0; i < c.args().size(); i++) sb.append(i == 0 ? "" : ", ").append(print(c.args().get(i), 0));
            return sb.append(')').toString();
        }
        if (e instanceof Expr.Index x) return print(x.base(), 13) + "[" + print(x.index(), 0) + "]";
        if (e instanceof Expr.Field f) return print(f.base(), 13) + "." + f.field();
        if (e instanceof Expr.SizeOf s) return "sizeof(" + type(s.type()) + ")";
        if (e instanceof Expr.OffsetOf o) return "offsetof(" + type(o.type()) + ", " + String.join(".", o.path()) + ")";
        if (e instanceof Expr.Option o) return "option(" + o.name() + ")";
        throw new IllegalArgumentException(e.getClass().getName());
    }

    public static String type(TypeExpr t) {
        if (t instanceof TypeExpr.Prim p) return p.name();
        if (t instanceof TypeExpr.Named n) return n.name();
        if (t instanceof TypeExpr.Ptr p) return "*" + type(p.target());
        if (t instanceof TypeExpr.Array a) return "[" + print(a.length()) + "]" + type(a.element());
        TypeExpr.Fn f = (TypeExpr.Fn) t;
        StringBuilder sb = new StringBuilder("fn(");
        for (int i = 0; i < f.params().size(); i++) sb.append(i == 0 ? "" : ", ").append(type(f.params().get(i)));
        sb.append(')');
        if (f.result() != null) sb.append(" -> ").append(type(f.result()));
        return sb.toString();
    }

    private static String quote(byte[] bytes) {
        StringBuilder sb = new StringBuilder("\"");
        for (byte b : bytes) {
            int c = b & 0xff;
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (c < 0x20 || c >= 0x7f) sb.append(String.format("\\x%02x", c));
                    else sb.append((char) c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
