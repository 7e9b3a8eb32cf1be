package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * One-operand read-modify-write instructions (inc, dec, neg, not) on a register or memory
 * operand of any size. As with {@link AluFn}, memory is written before the flags change.
 */
final class UnaryForms {
    private UnaryForms() { }

    abstract static class Fn {
        abstract long compute(long a, long mask);

        /** Records the flags of {@code x = OP a}; nothing for not. */
        abstract void flags(Cpu c, int size, long a, long x);
    }

    static Op bind(Insn insn, Fn fn) {
        Operand o = insn.operand(0);
        if (o instanceof Operand.Reg r) return new OnReg(insn.length(), fn, Gpr.of(r.num(), r.isHighByte() ? 1 : insn.opSize()));
        return new OnMem(insn.length(), fn, new Ea((Operand.Mem) o), insn.opSize());
    }

    static final class OnReg extends Op {
        private final Fn fn;
        private final Gpr r;

        OnReg(int length, Fn fn, Gpr r) { super(length); this.fn = fn; this.r = r; }

        @Override public void exec(Cpu c) {
            long a = r.get(c), x = fn.compute(a, r.mask) & r.mask;
            r.set(c, x);
            fn.flags(c, r.size, a, x);
        }
    }

    static final class OnMem extends Op {
        private final Fn fn;
        private final Ea ea;
        private final int size;
        private final long mask;

        OnMem(int length, Fn fn, Ea ea, int size) {
            super(length);
            this.fn = fn;
            this.ea = ea;
            this.size = size;
            this.mask = Flags.mask(size);
        }

        @Override public void exec(Cpu c) {
            long la = ea.la(c);
            long a = c.read(la, size), x = fn.compute(a, mask) & mask;
            c.write(la, size, x);
            fn.flags(c, size, a, x);
        }
    }
}
