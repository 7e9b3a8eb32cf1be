package dev.tk86.isa.cpu;

/**
 * Lazy status flags. Arithmetic instructions record what they computed (kind, size, operands,
 * result) in four fields of {@link Cpu} instead of computing six flags every time; the flags
 * are derived only when something reads them (a Jcc, pushfq, an interrupt). Rarely executed
 * instructions (rotates, multiplies, bit tests) compute their flags directly and store them as
 * {@link #EAGER}.
 *
 * <p>Operands and results are kept zero-extended to the operation size. Definitions follow the
 * SDM's per-instruction "Flags Affected" sections; where the SDM says "undefined", tk86 picks
 * the value documented here and at the instruction, and the differential tests exclude it:
 * <ul>
 *   <li>AND/OR/XOR/TEST ({@link #LOGIC}): AF = 0.</li>
 *   <li>SHL/SHR/SAR by a count other than 1 ({@link #SHL}, {@link #SHR}, {@link #SAR}): OF is
 *       computed by the count-1 rule (SHL: MSB(result) XOR CF; SHR: MSB(original); SAR: 0);
 *       AF = 0 for every count.</li>
 * </ul>
 */
public final class Flags {
    private Flags() { }

    /** Kinds of recorded operation. For the shift kinds {@code flagsB} holds the count (never 0). */
    public static final int ADD = 0, ADC = 1, SUB = 2, SBB = 3, LOGIC = 4, INC = 5, DEC = 6,
            SHL = 7, SHR = 8, SAR = 9, EAGER = 10;

    public static long mask(int size) { return size == 8 ? -1L : (1L << (size << 3)) - 1; }

    public static long signBit(int size) { return 1L << ((size << 3) - 1); }

    /**
     * Records INC or DEC: like ADD/SUB of 1, but CF is whatever it was before, so it is
     * derived now and kept in {@code flagsCarryIn}.
     */
    public static void setIncDec(Cpu c, int kind, int size, long a, long res) {
        boolean carry = cf(c);
        c.flagsCarryIn = carry;
        set(c, kind, size, a, 1, res);
    }

    /** Records ADC or SBB, whose carry-in changes how CF is derived. */
    public static void setWithCarry(Cpu c, int kind, int size, long a, long b, boolean carryIn, long res) {
        c.flagsCarryIn = carryIn;
        set(c, kind, size, a, b, res);
    }

    /** Records a two-operand result: {@code res = a OP b} (all already masked to the size). */
    public static void set(Cpu c, int kind, int size, long a, long b, long res) {
        c.flagsKind = kind;
        c.flagsSize = size;
        c.flagsA = a;
        c.flagsB = b;
        c.flagsRes = res;
    }

    /** Records flags computed by the instruction itself (only the STATUS bits are used). */
    public static void setEager(Cpu c, long bits) {
        c.flagsKind = EAGER;
        c.flagsEager = bits & Rflags.STATUS;
    }

    /** Replaces some status flags and keeps the others (rotates, bit tests). */
    public static void update(Cpu c, long which, long bits) {
        setEager(c, (status(c) & ~which) | (bits & which));
    }

    public static boolean cf(Cpu c) {
        long a = c.flagsA, b = c.flagsB;
        return switch (c.flagsKind) {
            case ADD -> Long.compareUnsigned(c.flagsRes, a) < 0;
            case ADC -> c.flagsCarryIn ? Long.compareUnsigned(c.flagsRes, a) <= 0
                                       : Long.compareUnsigned(c.flagsRes, a) < 0;
            case SUB -> Long.compareUnsigned(a, b) < 0;
            case SBB -> c.flagsCarryIn ? Long.compareUnsigned(a, b) <= 0 : Long.compareUnsigned(a, b) < 0;
            case LOGIC -> false;
            case INC, DEC -> c.flagsCarryIn; // INC/DEC keep CF: it was saved in flagsCarryIn
            case SHL -> {
                int bits = c.flagsSize << 3;
                yield b <= bits && ((a >>> (bits - b)) & 1) != 0; // the last bit shifted out
            }
            case SHR -> ((a >>> (b - 1)) & 1) != 0;
            case SAR -> ((signExtend(a, c.flagsSize) >> (b - 1)) & 1) != 0;
            default -> (c.flagsEager & Rflags.CF) != 0;
        };
    }

    public static boolean zf(Cpu c) {
        return c.flagsKind == EAGER ? (c.flagsEager & Rflags.ZF) != 0 : c.flagsRes == 0;
    }

    public static boolean sf(Cpu c) {
        return c.flagsKind == EAGER ? (c.flagsEager & Rflags.SF) != 0 : (c.flagsRes & signBit(c.flagsSize)) != 0;
    }

    public static boolean pf(Cpu c) {
        return c.flagsKind == EAGER ? (c.flagsEager & Rflags.PF) != 0 : parity(c.flagsRes);
    }

    public static boolean af(Cpu c) {
        return switch (c.flagsKind) {
            case ADD, ADC, SUB, SBB, INC, DEC -> ((c.flagsA ^ c.flagsB ^ c.flagsRes) & 0x10) != 0;
            case EAGER -> (c.flagsEager & Rflags.AF) != 0;
            default -> false; // undefined after logic ops and shifts: tk86 clears it
        };
    }

    public static boolean of(Cpu c) {
        long s = signBit(c.flagsSize);
        return switch (c.flagsKind) {
            case ADD, ADC, INC -> ((c.flagsA ^ c.flagsRes) & (c.flagsB ^ c.flagsRes) & s) != 0;
            case SUB, SBB, DEC -> ((c.flagsA ^ c.flagsB) & (c.flagsA ^ c.flagsRes) & s) != 0;
            case LOGIC, SAR -> false;
            case SHL -> ((c.flagsRes & s) != 0) != cf(c);
            case SHR -> (c.flagsA & s) != 0;
            default -> (c.flagsEager & Rflags.OF) != 0;
        };
    }

    /** PF: set when the low byte has an even number of one bits. */
    public static boolean parity(long v) { return (Long.bitCount(v & 0xFF) & 1) == 0; }

    /** SF, ZF and PF of a result, as RFLAGS bits. */
    public static long szp(long res, int size) {
        long f = (res & signBit(size)) != 0 ? Rflags.SF : 0;
        if ((res & mask(size)) == 0) f |= Rflags.ZF;
        if (parity(res)) f |= Rflags.PF;
        return f;
    }

    public static long signExtend(long v, int size) {
        int shift = 64 - (size << 3);
        return (v << shift) >> shift;
    }

    /** The six status flags as RFLAGS bits. */
    public static long status(Cpu c) {
        if (c.flagsKind == EAGER) return c.flagsEager;
        long f = 0;
        if (cf(c)) f |= Rflags.CF;
        if (pf(c)) f |= Rflags.PF;
        if (af(c)) f |= Rflags.AF;
        if (zf(c)) f |= Rflags.ZF;
        if (sf(c)) f |= Rflags.SF;
        if (of(c)) f |= Rflags.OF;
        return f;
    }

    // --- conditions (SDM Vol. 1, Appendix B), each small enough to be inlined into a branch ---
    // After CMP/SUB, which is what almost every branch follows, they compare the recorded
    // operands directly instead of deriving flags.

    /** o: OF. */
    public static boolean o(Cpu c) { return of(c); }

    /** b (c, nae): CF. */
    public static boolean b(Cpu c) {
        return c.flagsKind == SUB ? Long.compareUnsigned(c.flagsA, c.flagsB) < 0 : cf(c);
    }

    /** e (z): ZF; every lazy kind keeps the result, so no flag needs deriving. */
    public static boolean e(Cpu c) {
        return c.flagsKind == EAGER ? (c.flagsEager & Rflags.ZF) != 0 : c.flagsRes == 0;
    }

    /** be (na): CF or ZF. */
    public static boolean be(Cpu c) {
        return c.flagsKind == SUB ? Long.compareUnsigned(c.flagsA, c.flagsB) <= 0 : cf(c) || zf(c);
    }

    /** s: SF. */
    public static boolean s(Cpu c) { return sf(c); }

    /** p (pe): PF. */
    public static boolean p(Cpu c) { return pf(c); }

    /** l (nge): SF != OF. */
    public static boolean l(Cpu c) {
        if (c.flagsKind == SUB) {
            int shift = 64 - (c.flagsSize << 3);
            return (c.flagsA << shift) < (c.flagsB << shift);
        }
        return sf(c) != of(c);
    }

    /** le (ng): ZF or SF != OF. */
    public static boolean le(Cpu c) {
        if (c.flagsKind == SUB) {
            int shift = 64 - (c.flagsSize << 3);
            return (c.flagsA << shift) <= (c.flagsB << shift);
        }
        return zf(c) || sf(c) != of(c);
    }

    /** Condition tttn of Jcc/SETcc/CMOVcc: the pair {@code cc >>> 1}, negated when {@code cc} is odd. */
    public static boolean cond(Cpu c, int cc) {
        boolean r = switch (cc >>> 1) {
            case 0 -> o(c);
            case 1 -> b(c);
            case 2 -> e(c);
            case 3 -> be(c);
            case 4 -> s(c);
            case 5 -> p(c);
            case 6 -> l(c);
            default -> le(c);
        };
        return ((cc & 1) != 0) != r;
    }

    /** Loads the status flags from an RFLAGS image (popfq, iretq, sahf-like paths). */
    public static void load(Cpu c, long rflags) {
        setEager(c, rflags);
    }
}
