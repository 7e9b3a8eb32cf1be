package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.decode.Operand;

/**
 * The address of a memory operand, bound once (SDM Vol. 1, 3.7.5):
 * {@code base + index * scale + disp}, or {@code rip + disp} for RIP-relative operands, where
 * RIP is the address of the next instruction, which is what {@code cpu.rip} holds while an
 * instruction executes. Absent parts are masked out rather than tested, so computing an
 * address has no branches; a 67 prefix truncates the effective address to 32 bits. The
 * linear address adds the FS or GS base for those overrides; the other segment overrides are
 * ignored in 64-bit mode (SDM Vol. 1, 3.4.2.1).
 */
final class Ea {
    private static final int NO_SEG = 0, FS = 1, GS = 2;

    private final int base, index, shift, seg;
    private final long disp, baseMask, indexMask, ripMask, addrMask;

    Ea(Operand.Mem m) {
        boolean hasBase = m.base() >= 0 && m.base() < 16, hasIndex = m.index() >= 0 && m.index() < 16;
        this.base = hasBase ? m.base() : 0;
        this.baseMask = hasBase ? -1L : 0;
        this.index = hasIndex ? m.index() : 0;
        this.indexMask = hasIndex ? -1L : 0;
        this.shift = hasIndex ? scaleShift(m.scale()) : 0;
        this.ripMask = m.base() == Operand.RIP ? -1L : 0;
        this.disp = m.disp();
        this.addrMask = m.addrSize() == 4 ? 0xFFFF_FFFFL : -1L;
        this.seg = m.seg() == Operand.SReg.FS ? FS : m.seg() == Operand.SReg.GS ? GS : NO_SEG;
    }

    private static int scaleShift(int scale) {
        return switch (scale) {
            case 0, 1 -> 0;
            case 2 -> 1;
            case 4 -> 2;
            case 8 -> 3;
            default -> throw new IllegalArgumentException("scale " + scale);
        };
    }

    /** The effective address (what lea computes): no segment base. */
    long ea(Cpu c) {
        long[] r = c.r;
        return ((r[base] & baseMask) + ((r[index] & indexMask) << shift) + (c.rip & ripMask) + disp) & addrMask;
    }

    /** The linear address accessed. */
    long la(Cpu c) {
        long a = ea(c);
        return seg == NO_SEG ? a : a + (seg == FS ? c.fsBase : c.gsBase);
    }

    /** The linear address of the operand moved by {@code delta} bytes (bt with a register offset). */
    long la(Cpu c, long delta) {
        long a = (ea(c) + delta) & addrMask;
        return seg == NO_SEG ? a : a + (seg == FS ? c.fsBase : c.gsBase);
    }

    /** Whether this address is computed from {@code reg} (pop into memory addressed by RSP). */
    boolean uses(int reg) {
        return (baseMask != 0 && base == reg) || (indexMask != 0 && index == reg);
    }
}
