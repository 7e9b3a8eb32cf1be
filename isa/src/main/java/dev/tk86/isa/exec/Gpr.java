package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.decode.Operand;

/**
 * A general-purpose register operand of a given size, bound so that reads and writes are
 * branch-free: {@code (r[idx] >>> shift) & mask} to read; to write, bits outside the operand
 * are kept through {@code keep}, which is 0 for 32- and 64-bit operands because a 32-bit
 * write zero-extends into the whole register (SDM Vol. 1, 3.4.1.1) while 8- and 16-bit
 * writes merge. AH..BH are byte 1 of rax..rbx ({@code shift} 8).
 */
final class Gpr extends Src {
    final int idx, shift, size;
    final long mask, keep;

    private Gpr(int idx, int shift, int size, long mask, long keep) {
        this.idx = idx;
        this.shift = shift;
        this.size = size;
        this.mask = mask;
        this.keep = keep;
    }

    /** Register {@code num} (0..15, or {@link Operand.Reg#AH}..+3) at {@code size} bytes. */
    static Gpr of(int num, int size) {
        if (num >= Operand.Reg.AH) return new Gpr(num - Operand.Reg.AH, 8, 1, 0xFF, ~0xFF00L);
        return switch (size) {
            case 1 -> new Gpr(num, 0, 1, 0xFF, ~0xFFL);
            case 2 -> new Gpr(num, 0, 2, 0xFFFF, ~0xFFFFL);
            case 4 -> new Gpr(num, 0, 4, 0xFFFF_FFFFL, 0);
            default -> new Gpr(num, 0, 8, -1L, 0);
        };
    }

    static Gpr of(Operand.Reg r) { return of(r.num(), r.size()); }

    @Override long get(Cpu c) { return (c.r[idx] >>> shift) & mask; }

    void set(Cpu c, long v) { c.r[idx] = (c.r[idx] & keep) | ((v & mask) << shift); }
}
