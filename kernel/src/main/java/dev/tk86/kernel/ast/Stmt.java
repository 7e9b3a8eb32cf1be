package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/** Statements as parsed; {@code pos} is the first token. Every statement is one site (one step) at run time. */
public sealed interface Stmt {
    Pos pos();

    /** {@code let x: T = e;} — type or initialiser may be omitted, not both. */
    record Let(String name, Pos namePos, TypeExpr type, Expr init, Pos pos) implements Stmt {}

    /** {@code target op value;} — {@code pos} is where the statement starts, {@code opPos} the operator. */
    record Assign(AssignOp op, Expr target, Expr value, Pos opPos, Pos pos) implements Stmt {}

    record ExprStmt(Expr expr, Pos pos) implements Stmt {}

    /** {@code orElse} is null, a Block, or another If (else if). */
    record If(Expr cond, Block then, Stmt orElse, Pos pos) implements Stmt {}

    record While(Expr cond, Block body, Pos pos) implements Stmt {}

    /** {@code for init; cond; step { body }} — each of the three parts may be null. */
    record For(Stmt init, Expr cond, Stmt step, Block body, Pos pos) implements Stmt {}

    record Break(Pos pos) implements Stmt {}

    record Continue(Pos pos) implements Stmt {}

    /** {@code value} is null for a bare {@code return;}. */
    record Return(Expr value, Pos pos) implements Stmt {}

    /**
     * A statement that failed to parse (its error is already reported). The checker treats it
     * as possibly not completing, so a broken {@code return} does not also cause "missing return".
     */
    record Bad(Pos pos) implements Stmt {}

    /** {@code end} is the closing brace (where "missing return" is reported). */
    record Block(List<Stmt> stmts, Pos pos, Pos end) implements Stmt {}
}
