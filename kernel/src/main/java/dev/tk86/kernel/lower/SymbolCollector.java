package dev.tk86.kernel.lower;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Walks the expressions of a step (used to list the symbols a program needs, and by tests). */
public final class SymbolCollector {
    private SymbolCollector() {}

    static void collect(Step s, Set<String> out) {
        for (LExpr e : roots(s)) walk(e, x -> { if (x instanceof LExpr.Sym sym) out.add(sym.name()); });
    }

    /** The top-level expressions of a step's actions and terminator, in evaluation order. */
    public static List<LExpr> roots(Step s) {
        List<LExpr> out = new ArrayList<>();
        for (Action a : s.actions()) {
            if (a instanceof Action.Store st) { out.add(st.value()); out.add(st.address()); }
            else if (a instanceof Action.Compound c) { out.add(c.value()); out.add(c.address()); }
            else if (a instanceof Action.SetTemp t) out.add(t.value());
            else if (a instanceof Action.Effect ef) out.add(ef.call());
            else if (a instanceof Action.Print p) out.addAll(p.args());
            else if (a instanceof Action.Assert as) out.add(as.cond());
        }
        Terminator t = s.terminator();
        if (t instanceof Terminator.Branch b) out.add(b.cond());
        else if (t instanceof Terminator.Call c) { out.add(c.target()); out.addAll(c.args()); }
        else if (t instanceof Terminator.Return r && r.value() != null) out.add(r.value());
        else if (t instanceof Terminator.Panic p) out.addAll(p.args());
        return out;
    }

    /** Visits {@code e} and every subexpression, parents first. */
    public static void walk(LExpr e, Consumer<LExpr> visit) {
        visit.accept(e);
        if (e instanceof LExpr.Load l) walk(l.address(), visit);
        else if (e instanceof LExpr.Unary u) walk(u.operand(), visit);
        else if (e instanceof LExpr.Binary b) { walk(b.left(), visit); walk(b.right(), visit); }
        else if (e instanceof LExpr.Compare c) { walk(c.left(), visit); walk(c.right(), visit); }
        else if (e instanceof LExpr.Logical l) { walk(l.left(), visit); walk(l.right(), visit); }
        else if (e instanceof LExpr.Convert c) walk(c.operand(), visit);
        else if (e instanceof LExpr.AddrAdd a) { walk(a.base(), visit); walk(a.index(), visit); }
        else if (e instanceof LExpr.PtrDiff d) { walk(d.left(), visit); walk(d.right(), visit); }
        else if (e instanceof LExpr.IntrinsicCall i) for (LExpr a : i.args()) walk(a, visit);
    }
}
