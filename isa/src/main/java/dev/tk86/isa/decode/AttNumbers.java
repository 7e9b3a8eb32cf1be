package dev.tk86.isa.decode;

/**
 * Number style of Capstone's AT&T printer: magnitudes up to 9 in decimal, larger ones in
 * lower-case hex with 0x, negative numbers as a minus sign and the magnitude.
 */
final class AttNumbers {
    private AttNumbers() { }

    private static final int DECIMAL_LIMIT = 9;

    /** {@code v} read as an unsigned 64-bit number. */
    static String unsigned(long v) {
        return Long.compareUnsigned(v, DECIMAL_LIMIT) > 0 ? "0x" + Long.toHexString(v) : Long.toString(v);
    }

    /** {@code v} read as a signed 64-bit number. */
    static String signed(long v) {
        return v < 0 ? "-" + unsigned(-v) : unsigned(v);
    }

    /** The low {@code size} bytes of {@code v}. */
    static long truncate(long v, int size) {
        return size >= 8 ? v : v & ((1L << (8 * size)) - 1);
    }
}
