package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.isa.fault.GuestFault;
import java.math.BigInteger;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The 128-by-64-bit division behind 64-bit div and idiv, against BigInteger. */
class Divide128Test {
    static final BigInteger TWO64 = BigInteger.ONE.shiftLeft(64);

    static BigInteger unsigned(long v) { return v >= 0 ? BigInteger.valueOf(v) : BigInteger.valueOf(v).add(TWO64); }

    @Test
    void unsignedQuotientsMatchBigInteger_SDM_DIV() {
        SplittableRandom r = new SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            long d = r.nextInt(4) == 0 ? r.nextLong(1, 1000) : r.nextLong();
            if (d == 0) continue;
            long hi = Long.remainderUnsigned(r.nextLong(), d), lo = r.nextLong();
            BigInteger n = unsigned(hi).shiftLeft(64).add(unsigned(lo));
            assertEquals(n.divide(unsigned(d)).longValue(), Divide128.quotientUnsigned(hi, lo, d), () -> hi + ":" + lo + "/" + d);
        }
    }

    @Test
    void signedQuotientsMatchBigIntegerOrRaiseDE_SDM_IDIV() {
        SplittableRandom r = new SplittableRandom(2);
        for (int i = 0; i < 200_000; i++) {
            long d = r.nextInt(3) == 0 ? r.nextLong(-1000, 1000) : r.nextLong();
            if (d == 0) continue;
            long lo = r.nextLong(), hi = r.nextInt(3) == 0 ? r.nextLong() : lo >> 63;
            BigInteger n = BigInteger.valueOf(hi).shiftLeft(64).add(unsigned(lo));
            BigInteger q = n.divide(BigInteger.valueOf(d));
            if (q.bitLength() > 63) {
                assertThrows(GuestFault.class, () -> Divide128.quotientSigned(hi, lo, d));
            } else {
                assertEquals(q.longValue(), Divide128.quotientSigned(hi, lo, d));
            }
        }
    }

    @Test
    void theMostNegativeQuotientFits_SDM_IDIV() {
        // -2^63 / 1 and (-2^64) / 2 both give -2^63
        assertEquals(Long.MIN_VALUE, Divide128.quotientSigned(-1, Long.MIN_VALUE, 1));
        assertEquals(Long.MIN_VALUE, Divide128.quotientSigned(-1, 0, 2));
        assertThrows(GuestFault.class, () -> Divide128.quotientSigned(-1, Long.MIN_VALUE, -1));
    }
}
