package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/**
 * Checked statements. Each is one site (one step of the CPU) at run time. Option-folded
 * branches are gone: an {@code if} whose condition was constant became its taken block.
 */
public sealed interface TStmt {
    Pos pos();

    /** {@code init} null = the local is zero-filled. */
    record Let(Local local, TExpr init, Pos pos) implements TStmt {}

    /** Scalar assignment; {@code value.type()} equals {@code target.type()}. */
    record Assign(TExpr target, TExpr value, Pos pos) implements TStmt {}

    /**
     * {@code target op= value}, evaluating the target's address once. For integers
     * {@code scale} is 0 and {@code value} has the target's type (any integer type for shifts).
     * For a pointer target op is ADD or SUB, {@code value} is i64 and {@code scale} the pointee size.
     */
    record CompoundAssign(TExpr.BinOp op, TExpr target, TExpr value, long scale, Pos pos) implements TStmt {}

    /** Expression evaluated for its effect (a call, usually). */
    record Eval(TExpr expr, Pos pos) implements TStmt {}

    /** {@code orElse} is null, a Block or an If. */
    record If(TExpr cond, Block then, TStmt orElse, Pos pos) implements TStmt {}

    record While(TExpr cond, Block body, Pos pos) implements TStmt {}

    /** Each part may be null; a null {@code cond} loops forever. */
    record For(TStmt init, TExpr cond, TStmt step, Block body, Pos pos) implements TStmt {}

    record Break(Pos pos) implements TStmt {}

    record Continue(Pos pos) implements TStmt {}

    /** {@code value} null in functions that return nothing. */
    record Return(TExpr value, Pos pos) implements TStmt {}

    /** {@code end} is the closing brace. */
    record Block(List<TStmt> stmts, Pos pos, Pos end) implements TStmt {}
}
