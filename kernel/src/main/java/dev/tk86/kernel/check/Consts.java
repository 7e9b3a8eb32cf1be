package dev.tk86.kernel.check;

import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;

/**
 * Exact constant arithmetic. Untyped constants are exact integers limited to
 * [-2^63, 2^64-1] (anything that fits i64 or u64); typed ones wrap to their width, exactly
 * as the generated code computes them at run time.
 */
final class Consts {
    static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    static final BigInteger UNTYPED_MIN = BigInteger.ONE.shiftLeft(63).negate();
    static final BigInteger UNTYPED_MAX = TWO_64.subtract(BigInteger.ONE);

    private Consts() {}

    static boolean fitsUntyped(BigInteger v) { return v.compareTo(UNTYPED_MIN) >= 0 && v.compareTo(UNTYPED_MAX) <= 0; }

    static BigInteger min(Type.Int t) { return t.signed() ? BigInteger.ONE.shiftLeft(t.bits() - 1).negate() : BigInteger.ZERO; }

    static BigInteger max(Type.Int t) {
        return t.signed() ? BigInteger.ONE.shiftLeft(t.bits() - 1).subtract(BigInteger.ONE)
                : BigInteger.ONE.shiftLeft(t.bits()).subtract(BigInteger.ONE);
    }

    static boolean fits(BigInteger v, Type.Int t) { return v.compareTo(min(t)) >= 0 && v.compareTo(max(t)) <= 0; }

    /** Two's-complement wrap of an exact value into {@code t}, read back the way {@code t} reads it. */
    static BigInteger wrap(BigInteger v, Type.Int t) {
        BigInteger m = BigInteger.ONE.shiftLeft(t.bits());
        BigInteger r = v.mod(m);
        if (t.signed() && r.testBit(t.bits() - 1)) r = r.subtract(m);
        return r;
    }

    /** The exact value a normalised long of type {@code t} stands for. */
    static BigInteger value(Type t, long bits) {
        if (t instanceof Type.Int i && !i.signed() && bits < 0) return BigInteger.valueOf(bits).add(TWO_64);
        return BigInteger.valueOf(bits);
    }

    /** Constant node of integer type {@code t} for an in-range exact value. */
    static Val typed(Type.Int t, BigInteger v, dev.tk86.kernel.diag.Pos pos) {
        return new Val(new TExpr.Const(t, Types.normalize(t, v.longValue()), pos), v);
    }

    static Val untyped(BigInteger v, dev.tk86.kernel.diag.Pos pos) {
        return new Val(new TExpr.Const(Types.UNTYPED, v.longValue(), pos), v);
    }

    static Val bool(boolean b, dev.tk86.kernel.diag.Pos pos) {
        return new Val(new TExpr.Const(Types.BOOL, b ? 1 : 0, pos), b ? BigInteger.ONE : BigInteger.ZERO);
    }
}
