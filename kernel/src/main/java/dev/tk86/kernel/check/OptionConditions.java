package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Attr;
import dev.tk86.kernel.ast.BinaryOp;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.UnaryOp;
import dev.tk86.kernel.diag.Diagnostics;
import java.util.List;

/**
 * Evaluates {@code #[if(...)]} conditions before any name is resolved, like the C
 * preprocessor's {@code #if}: a dropped declaration or field does not exist at all for this
 * kernel, so two variants of one function under opposite conditions do not clash. Conditions
 * may use only option(X), true, false, !, && and ||.
 */
final class OptionConditions {
    private final Options options;
    private final Diagnostics diags;

    OptionConditions(Options options, Diagnostics diags) {
        this.options = options;
        this.diags = diags;
    }

    /** True when every {@code #[if]} among {@code attrs} holds (errors count as "keep", to report more). */
    boolean keep(List<Attr> attrs) {
        boolean keep = true;
        for (Attr a : attrs) {
            if (a instanceof Attr.If f) {
                Boolean v = eval(f.cond());
                if (v != null && !v) keep = false;
            }
        }
        return keep;
    }

    /** The value of an option name, reporting unknown names; null after an error. */
    Boolean option(Expr.Option o) {
        if (!options.known().contains(o.name())) {
            diags.error(o.namePos(), "unknown option '" + o.name() + "'" + Suggest.hint(o.name(), options.known())
                    + (options.known().isEmpty() ? " (no options are declared)" : " (known: " + String.join(", ", options.known()) + ")"));
            return null;
        }
        return options.enabled().contains(o.name());
    }

    private Boolean eval(Expr e) {
        if (e instanceof Expr.Option o) return option(o);
        if (e instanceof Expr.BoolLit b) return b.value();
        if (e instanceof Expr.Unary u && u.op() == UnaryOp.NOT) {
            Boolean v = eval(u.operand());
            return v == null ? null : !v;
        }
        if (e instanceof Expr.Binary b && b.op().isLogical()) {
            Boolean l = eval(b.left());
            Boolean r = eval(b.right());
            if (l == null || r == null) return null;
            return b.op() == BinaryOp.LAND ? l && r : l || r;
        }
        diags.error(e.pos(), "#[if] conditions may use only option(NAME), true, false, !, && and ||");
        return null;
    }
}
