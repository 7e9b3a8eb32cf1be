package dev.tk86.kernel.lower;

import dev.tk86.kernel.check.Intrinsic;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import java.util.List;

/**
 * A lowered expression: free of calls (a call ends its step, see {@link Terminator.Call}),
 * with every memory access explicit ({@link Load} of an address) and every address spelt
 * out (frame offsets from rbp, ELF symbols, pointer arithmetic). Values are integers
 * normalised to their type: signed types sign-extended to 64 bits, unsigned ones
 * zero-extended, bool 0 or 1, pointers the full 64 bits.
 */
public sealed interface LExpr {
    Type type();

    /** An integer, bool or null constant. */
    record Const(Type type, long value) implements LExpr {}

    /** The address of an ELF symbol (function, global, string literal) plus a byte offset. */
    record Sym(String name, long addend, Type type) implements LExpr {}

    /** The address rbp + offset (a parameter, local or temporary in the current frame). */
    record Frame(long offset, Type type) implements LExpr {}

    /** Reads {@code type.size()} bytes at {@code address} through the MMU. */
    record Load(LExpr address, Type type) implements LExpr {}

    /** A compiler temporary: the 8-byte frame slot at rbp + offset, holding a normalised value. */
    record Temp(long offset, Type type) implements LExpr {}

    /** The result of the call that ended the previous step: rax, normalised to {@code type}. */
    record CallResult(Type type) implements LExpr {}

    record Unary(TExpr.UnOp op, LExpr operand, Type type) implements LExpr {}

    /** Arithmetic in {@code type} (see TExpr.Binary for the rules); a shift count may have another type. */
    record Binary(TExpr.BinOp op, LExpr left, LExpr right, Type type) implements LExpr {}

    /** Both operands have the same type, whose signedness decides the comparison. */
    record Compare(TExpr.CmpOp op, LExpr left, LExpr right, Type type) implements LExpr {}

    /** Short-circuit {@code &&} / {@code ||} whose right operand contains no call. */
    record Logical(boolean and, LExpr left, LExpr right, Type type) implements LExpr {}

    record Convert(LExpr operand, Type type) implements LExpr {}

    /** {@code base + index * scale}, wrapping at 64 bits (field, element and pointer arithmetic). */
    record AddrAdd(LExpr base, LExpr index, long scale, Type type) implements LExpr {}

    /** {@code (left - right) / scale} for two pointers; i64. */
    record PtrDiff(LExpr left, LExpr right, long scale, Type type) implements LExpr {}

    /** An intrinsic other than printf, panic and KASSERT (those are actions or terminators). */
    record IntrinsicCall(Intrinsic intrinsic, List<LExpr> args, Type type) implements LExpr {}

    /** True for values that are the same wherever in the function they are computed. */
    static boolean isInvariant(LExpr e) {
        return e instanceof Const || e instanceof Sym || e instanceof Frame;
    }
}
