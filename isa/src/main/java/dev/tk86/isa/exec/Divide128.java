package dev.tk86.isa.exec;

import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;

/**
 * 128-by-64-bit division for the 64-bit div and idiv (RDX:RAX / r/m64), which Java has no
 * operator for. The unsigned core divides in two 32-bit digit steps after normalising the
 * divisor (Knuth, TAOCP Vol. 2, 4.3.1, Algorithm D, for a two-digit quotient).
 */
final class Divide128 {
    private Divide128() { }

    private static final long B = 1L << 32;

    /** Quotient of unsigned hi:lo / d (d != 0); #DE if it does not fit 64 bits. */
    static long quotientUnsigned(long hi, long lo, long d) {
        if (Long.compareUnsigned(hi, d) >= 0) throw GuestFault.of(Vector.DE, "div quotient does not fit 64 bits");
        return hi == 0 ? Long.divideUnsigned(lo, d) : divide(hi, lo, d);
    }

    /** Quotient of signed hi:lo / d (d != 0), truncated toward zero; #DE if it does not fit. */
    static long quotientSigned(long hi, long lo, long d) {
        boolean negative = hi < 0, negativeDivisor = d < 0;
        long mhi = hi, mlo = lo;
        if (negative) { mhi = ~hi + (lo == 0 ? 1 : 0); mlo = -lo; }
        long md = negativeDivisor ? -d : d; // 2^63 stays 0x8000..., its unsigned magnitude
        if (Long.compareUnsigned(mhi, md) >= 0) throw GuestFault.of(Vector.DE, "idiv quotient does not fit 64 bits");
        long q = mhi == 0 ? Long.divideUnsigned(mlo, md) : divide(mhi, mlo, md);
        if (negative != negativeDivisor) {
            if (Long.compareUnsigned(q, Long.MIN_VALUE) > 0) throw GuestFault.of(Vector.DE, "idiv quotient does not fit 64 bits");
            return -q;
        }
        if (q < 0) throw GuestFault.of(Vector.DE, "idiv quotient does not fit 64 bits");
        return q;
    }

    /** hi:lo / v, unsigned, with hi < v (so the quotient fits 64 bits). */
    static long divide(long hi, long lo, long v) {
        int s = Long.numberOfLeadingZeros(v);
        v <<= s;
        long vn1 = v >>> 32, vn0 = v & 0xFFFF_FFFFL;
        long un32 = s == 0 ? hi : (hi << s) | (lo >>> (64 - s));
        long un10 = lo << s;
        long q1 = digit(un32, un10 >>> 32, vn1, vn0);
        long un21 = un32 * B + (un10 >>> 32) - q1 * v;
        long q0 = digit(un21, un10 & 0xFFFF_FFFFL, vn1, vn0);
        return q1 * B + q0;
    }

    /** One quotient digit of (un:next) / (vn1:vn0), estimated from the top digits and corrected. */
    private static long digit(long un, long next, long vn1, long vn0) {
        long q = Long.divideUnsigned(un, vn1);
        long rhat = un - q * vn1;
        while (Long.compareUnsigned(q, B) >= 0 || Long.compareUnsigned(q * vn0, rhat * B + next) > 0) {
            q--;
            rhat += vn1;
            if (Long.compareUnsigned(rhat, B) >= 0) break;
        }
        return q;
    }
}
