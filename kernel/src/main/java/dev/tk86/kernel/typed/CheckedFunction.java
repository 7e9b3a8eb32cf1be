package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/**
 * A checked TKL function.
 *
 * @param locals       parameters (first, in order) and every local, indexed by {@link Local#id()}
 * @param frameSize    bytes of locals below the saved rbp, a multiple of 16 (rsp = rbp - frameSize)
 * @param endReachable true when control can fall off the closing brace (only possible for
 *                     functions returning nothing): the code generator needs a return site there
 * @param end          position of the closing brace
 */
public record CheckedFunction(FunctionSymbol symbol, List<Local> locals, TStmt.Block body, long frameSize,
                              boolean endReachable, Pos end) {
    public String name() { return symbol.name(); }

    public List<Local> params() { return locals.subList(0, symbol.type().params().size()); }
}
