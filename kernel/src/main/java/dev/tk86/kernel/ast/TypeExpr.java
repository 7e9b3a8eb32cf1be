package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/** A type as written in the source; the checker resolves it to a {@code types.Type}. */
public sealed interface TypeExpr {
    Pos pos();

    /** A built-in scalar: u8 u16 u32 u64 i8 i16 i32 i64 bool, or void (only valid as a pointee). */
    record Prim(String name, Pos pos) implements TypeExpr {}

    /** A struct name. */
    record Named(String name, Pos pos) implements TypeExpr {}

    /** {@code *T}. */
    record Ptr(TypeExpr target, Pos pos) implements TypeExpr {}

    /** {@code [N]T}; N is a constant expression. */
    record Array(Expr length, TypeExpr element, Pos pos) implements TypeExpr {}

    /** {@code fn(T, U) -> R}; {@code result} is null when the function returns nothing. */
    record Fn(List<TypeExpr> params, TypeExpr result, Pos pos) implements TypeExpr {}
}
