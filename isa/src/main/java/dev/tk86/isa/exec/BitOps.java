package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * bt, bts, btr, btc (SDM Vol. 2A, BT/BTS/BTR/BTC): CF receives the selected bit, which is then
 * left, set, cleared or complemented. ZF is unaffected; OF, SF, AF and PF are undefined and
 * tk86 leaves them unchanged.
 *
 * <p>An immediate bit offset is taken modulo the operand width. A register bit offset on a
 * register operand too; but on a memory operand it is a signed offset from the operand's
 * address, so the access moves by {@code (offset >> log2(width)) * size} bytes (SDM Vol. 1,
 * 3.7.5 "bit string" addressing; Vol. 2A, BT, Table 3-2) and can reach any byte of memory.
 */
final class BitOps {
    private BitOps() { }

    /** What happens to the selected bit; {@code bit} is the one-bit mask. */
    abstract static class Fn {
        final boolean writes;

        Fn(boolean writes) { this.writes = writes; }

        abstract long apply(long v, long bit);
    }

    static final Fn BT = new Fn(false) { @Override long apply(long v, long bit) { return v; } };
    static final Fn BTS = new Fn(true) { @Override long apply(long v, long bit) { return v | bit; } };
    static final Fn BTR = new Fn(true) { @Override long apply(long v, long bit) { return v & ~bit; } };
    static final Fn BTC = new Fn(true) { @Override long apply(long v, long bit) { return v ^ bit; } };

    static Op bind(Insn insn) {
        Fn fn = switch (insn.mnemonic()) {
            case BT -> BT;
            case BTS -> BTS;
            case BTR -> BTR;
            default -> BTC;
        };
        int size = insn.opSize();
        Operand dst = insn.operand(0), off = insn.operand(1);
        Src offset = Src.of(off, off instanceof Operand.Imm ? 1 : size);
        if (dst instanceof Operand.Reg r) return new OnReg(insn.length(), fn, Gpr.of(r.num(), size), offset);
        Ea ea = new Ea((Operand.Mem) dst);
        return off instanceof Operand.Imm ? new OnMem(insn.length(), fn, ea, size, offset, false)
                : new OnMem(insn.length(), fn, ea, size, offset, true);
    }

    private static void carry(Cpu c, boolean bitWasSet) {
        Flags.update(c, Rflags.CF, bitWasSet ? Rflags.CF : 0);
    }

    static final class OnReg extends Op {
        private final Fn fn;
        private final Gpr r;
        private final Src offset;

        OnReg(int length, Fn fn, Gpr r, Src offset) { super(length); this.fn = fn; this.r = r; this.offset = offset; }

        @Override public void exec(Cpu c) {
            long v = r.get(c), bit = 1L << (offset.get(c) & (r.size * 8 - 1));
            if (fn.writes) r.set(c, fn.apply(v, bit));
            carry(c, (v & bit) != 0);
        }
    }

    static final class OnMem extends Op {
        private final Fn fn;
        private final Ea ea;
        private final Src offset;
        private final int size, log2Bits;
        private final boolean registerOffset;

        OnMem(int length, Fn fn, Ea ea, int size, Src offset, boolean registerOffset) {
            super(length);
            this.fn = fn;
            this.ea = ea;
            this.size = size;
            this.offset = offset;
            this.registerOffset = registerOffset;
            this.log2Bits = Integer.numberOfTrailingZeros(size * 8);
        }

        @Override public void exec(Cpu c) {
            long off = offset.get(c), la;
            if (registerOffset) {
                off = Flags.signExtend(off, size);
                la = ea.la(c, (off >> log2Bits) * size);
            } else {
                la = ea.la(c);
            }
            long v = c.read(la, size), bit = 1L << (off & (size * 8 - 1));
            if (fn.writes) c.write(la, size, fn.apply(v, bit));
            carry(c, (v & bit) != 0);
        }
    }
}
