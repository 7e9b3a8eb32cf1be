package dev.tk86.isa.decode;

/**
 * Memory operands from ModRM, SIB and displacement bytes in 64-bit mode (SDM Vol. 2A 2.1.5,
 * Tables 2-2 and 2-3, and 2.2.1.3-2.2.1.6 for what REX and 64-bit mode change).
 */
final class ModRm {
    private ModRm() { }

    static Operand.Mem memory(Cursor c, int size) {
        int mod = c.mod();
        int rm = c.modrm & 7;
        int base;
        int index = Operand.NONE;
        int scale = 1;
        int dispSize = mod == 1 ? 1 : mod == 2 ? 4 : 0;
        if (rm == 4) {
            int sib = c.next();
            // index 100 without REX.X means "no index"; with REX.X it is r12 (SDM 2.2.1.2).
            int idx = ((sib >> 3) & 7) | c.rexX() << 3;
            if (idx != 4) {
                index = idx;
                scale = 1 << (sib >> 6);
            }
            // base 101 with mod 00 means "no base, disp32", whatever REX.B says (so also for r13).
            if ((sib & 7) == 5 && mod == 0) {
                base = Operand.NONE;
                dispSize = 4;
            } else {
                base = (sib & 7) | c.rexB() << 3;
            }
        } else if (rm == 5 && mod == 0) {
            // SDM 2.2.1.6: in 64-bit mode mod 00 rm 101 is RIP-relative (EIP-relative with 67).
            base = Operand.RIP;
            dispSize = 4;
        } else {
            base = rm | c.rexB() << 3;
        }
        long disp = dispSize == 0 ? 0 : c.signed(dispSize);
        return new Operand.Mem(size, c.seg, base, index, scale, disp, dispSize, c.addrSize());
    }

    /**
     * The absolute address of mov A0..A3 ("moffs"): 8 bytes, or 4 with a 67 prefix, taken
     * zero-extended because it is an address, not a displacement.
     */
    static Operand.Mem moffs(Cursor c, int size) {
        int asz = c.addrSize();
        return new Operand.Mem(size, c.seg, Operand.NONE, Operand.NONE, 1, c.unsigned(asz), asz, asz);
    }

    /** The implicit [rsi]/[rdi] operands of the string instructions. */
    static Operand.Mem string(Cursor c, int size, int base, int seg) {
        return new Operand.Mem(size, seg, base, Operand.NONE, 1, 0, 0, c.addrSize());
    }
}
