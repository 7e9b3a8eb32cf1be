package dev.tk86.kernel.runtime;

import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;

/**
 * Division, which can fault: a zero divisor, or the most negative value of a signed type
 * divided by -1, raises #DE at the statement's site, as x86 div/idiv would.
 */
public final class Arith {
    private Arith() {}

    private static GuestFault divideError(String what) { return GuestFault.of(Vector.DE, what + " in TKL code"); }

    /** Signed division of normalised values; {@code min} is the type's most negative value. */
    public static long sdiv(long a, long b, long min) {
        if (b == 0) throw divideError("division by zero");
        if (b == -1 && a == min) throw divideError("signed division overflow (" + a + " / -1)");
        return a / b;
    }

    public static long srem(long a, long b, long min) {
        if (b == 0) throw divideError("modulo by zero");
        if (b == -1 && a == min) throw divideError("signed division overflow (" + a + " % -1)");
        return a % b;
    }

    /** Unsigned division; for types narrower than 64 bits the normalised values are non-negative anyway. */
    public static long udiv(long a, long b) {
        if (b == 0) throw divideError("division by zero");
        return Long.divideUnsigned(a, b);
    }

    public static long urem(long a, long b) {
        if (b == 0) throw divideError("modulo by zero");
        return Long.remainderUnsigned(a, b);
    }
}
