package dev.tk86.isa.decode;

/**
 * Legacy prefixes and REX (SDM Vol. 2A 2.1.1 and 2.2.1). Rules that matter in 64-bit mode:
 * <ul>
 * <li>REX only counts when it is the last prefix, right before the opcode or the 0F escape
 *     (SDM 2.2.1): a REX followed by a legacy prefix is ignored, and of several REX bytes only
 *     the last counts.</li>
 * <li>CS, DS, ES and SS overrides are ignored in 64-bit mode (SDM 3.3.7.1 of Vol. 1); they
 *     are still recorded so the formatter prints them, but never replace an FS or GS override,
 *     whatever the order: {@code 65 26 8b 00} reads through GS (checked on the host CPU). Of
 *     several FS/GS overrides the last wins.</li>
 * <li>Of F2 and F3 only the last one is recorded in {@link Insn#prefixes()}: it is the one
 *     that decides rep or repne, pause or nop (F2 F3 90 is pause, F3 F2 90 is nop).
 *     {@link Cursor#bothRepeats} remembers that the other one was there too.</li>
 * </ul>
 */
final class Prefixes {
    private Prefixes() { }

    /** Consumes the prefixes and returns the opcode byte that follows them. */
    static int read(Cursor c) {
        while (true) {
            int b = c.next();
            if ((b & 0xF0) == 0x40) {
                c.rex = b;
                continue;
            }
            int bit = legacyBit(b);
            if (bit < 0) {
                if (c.rex != 0) c.prefixes |= Insn.PREFIX_REX | (c.rexW() ? Insn.PREFIX_REX_W : 0);
                return b;
            }
            c.rex = 0;
            switch (b) {
                case 0xF2 -> {
                    c.bothRepeats |= c.has(Insn.PREFIX_REP);
                    c.prefixes &= ~Insn.PREFIX_REP;
                }
                case 0xF3 -> {
                    c.bothRepeats |= c.has(Insn.PREFIX_REPNE);
                    c.prefixes &= ~Insn.PREFIX_REPNE;
                }
                case 0x64 -> c.seg = Operand.SReg.FS;
                case 0x65 -> c.seg = Operand.SReg.GS;
                case 0x26, 0x2E, 0x36, 0x3E -> {
                    if (c.seg != Operand.SReg.FS && c.seg != Operand.SReg.GS) c.seg = (b >> 3) & 3;
                }
                default -> { }
            }
            c.prefixes |= bit;
        }
    }

    /** The {@link Insn}{@code .PREFIX_*} bit of a legacy prefix (0 for segment overrides), or -1. */
    private static int legacyBit(int b) {
        return switch (b) {
            case 0xF0 -> Insn.PREFIX_LOCK;
            case 0xF2 -> Insn.PREFIX_REPNE;
            case 0xF3 -> Insn.PREFIX_REP;
            case 0x66 -> Insn.PREFIX_OPSIZE;
            case 0x67 -> Insn.PREFIX_ADDRSIZE;
            case 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> 0;
            default -> -1;
        };
    }
}
