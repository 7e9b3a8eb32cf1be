package dev.tk86.isa.decode;

/** Shared operand values, so that decoding a register operand allocates nothing. */
final class Operands {
    private Operands() { }

    private static final int[] SIZES = {1, 2, 4, 8};
    /** [register number 0..23][log2 size]; 16..19 are unused, 20..23 are ah..bh. */
    private static final Operand.Reg[][] REGS = new Operand.Reg[Operand.Reg.AH + 4][4];

    static {
        for (int n = 0; n < REGS.length; n++) {
            for (int s = 0; s < 4; s++) REGS[n][s] = new Operand.Reg(n, SIZES[s]);
        }
    }

    static Operand.Reg reg(int num, int size) { return REGS[num][Integer.numberOfTrailingZeros(size)]; }

    static final Operand.Reg CL = reg(1, 1);
    static final Operand.Reg DX = reg(2, 2);
    /** The implicit count of the shift-by-one forms (D0/D1): no immediate byte, so size 0. */
    static final Operand.Imm ONE = new Operand.Imm(1, 0);
}
