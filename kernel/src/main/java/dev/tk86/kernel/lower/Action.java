package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import java.util.List;

/** What a step does before its {@link Terminator}, in order. */
public sealed interface Action {
    /** {@code *address = value} ({@code type.size()} bytes); the value is computed before the address. */
    record Store(LExpr address, LExpr value, Type type) implements Action {}

    /**
     * {@code *address op= value}, the address computed once (after the value). For a pointer
     * target {@code scale} is the pointee size (value counts elements), else 0.
     */
    record Compound(TExpr.BinOp op, LExpr address, LExpr value, Type type, long scale) implements Action {}

    /** Spills a value that must outlive a call into the temporary slot at rbp + offset. */
    record SetTemp(long offset, LExpr value) implements Action {}

    /** Zero-fills {@code size} bytes at rbp + offset: a {@code let} without initialiser. */
    record Zero(long offset, long size) implements Action {}

    /** An intrinsic evaluated for its effect (its value, if any, is dropped). */
    record Effect(LExpr.IntrinsicCall call) implements Action {}

    /** printf: {@code format} indexes {@link LoweredProgram#formats()}. */
    record Print(int format, List<LExpr> args) implements Action {}

    /** KASSERT: when {@code cond} is false the machine panics with {@code message} and the step stops there. */
    record Assert(LExpr cond, String message) implements Action {}
}
