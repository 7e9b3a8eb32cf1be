package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;
import java.math.BigInteger;
import java.util.List;

/** Expressions as parsed. Positions point at the token a user would blame for an error. */
public sealed interface Expr {
    Pos pos();

    /** Integer or character literal; the value is exact (range is checked against the type later). */
    record IntLit(BigInteger value, Pos pos) implements Expr {}

    /** String literal: its bytes without the terminating NUL (added when placed in .rodata). */
    record StrLit(byte[] bytes, Pos pos) implements Expr {}

    record BoolLit(boolean value, Pos pos) implements Expr {}

    record NullLit(Pos pos) implements Expr {}

    /** A name: local, parameter, global, constant, function or intrinsic. */
    record Name(String name, Pos pos) implements Expr {}

    /** Position is the operator's. */
    record Unary(UnaryOp op, Expr operand, Pos pos) implements Expr {}

    /** Position is the operator's. */
    record Binary(BinaryOp op, Expr left, Expr right, Pos pos) implements Expr {}

    /** {@code e as T}; position is the {@code as} keyword. */
    record Cast(Expr operand, TypeExpr type, Pos pos) implements Expr {}

    /** Direct, indirect or intrinsic call; position is the opening parenthesis. */
    record Call(Expr callee, List<Expr> args, Pos pos) implements Expr {}

    /** {@code a[i]}; position is the opening bracket. */
    record Index(Expr base, Expr index, Pos pos) implements Expr {}

    /** {@code e.f}, auto-dereferencing one pointer level; position is the field name. */
    record Field(Expr base, String field, Pos pos) implements Expr {}

    record SizeOf(TypeExpr type, Pos pos) implements Expr {}

    /** {@code offsetof(S, f.g)}: a path of field names through nested structs. */
    record OffsetOf(TypeExpr type, List<String> path, List<Pos> pathPos, Pos pos) implements Expr {}

    /** {@code option(NAME)}: a compile-time boolean. */
    record Option(String name, Pos namePos, Pos pos) implements Expr {}
}
