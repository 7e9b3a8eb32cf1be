package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.TExpr;

/** Whether evaluating an expression makes a call (which ends the step it is in). */
final class Calls {
    private Calls() {}

    static boolean in(TExpr e) {
        if (e == null) return false;
        if (e instanceof TExpr.Call || e instanceof TExpr.CallIndirect) return true;
        if (e instanceof TExpr.Deref d) return in(d.pointer());
        if (e instanceof TExpr.FieldRef f) return in(f.base());
        if (e instanceof TExpr.IndexRef x) return in(x.array()) || in(x.index());
        if (e instanceof TExpr.AddrOf a) return in(a.lvalue());
        if (e instanceof TExpr.Unary u) return in(u.operand());
        if (e instanceof TExpr.Binary b) return in(b.left()) || in(b.right());
        if (e instanceof TExpr.Compare c) return in(c.left()) || in(c.right());
        if (e instanceof TExpr.Logical l) return in(l.left()) || in(l.right());
        if (e instanceof TExpr.PtrOffset p) return in(p.pointer()) || in(p.offset());
        if (e instanceof TExpr.PtrDiff d) return in(d.left()) || in(d.right());
        if (e instanceof TExpr.Convert c) return in(c.operand());
        if (e instanceof TExpr.IntrinsicCall i) return i.args().stream().anyMatch(Calls::in);
        if (e instanceof TExpr.Print p) return p.args().stream().anyMatch(Calls::in);
        if (e instanceof TExpr.Assert a) return in(a.cond());
        return false; // constants, names, string literals, function addresses
    }
}
