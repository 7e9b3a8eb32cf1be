package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * The operand forms of the two-operand ALU instructions. Every operation gets the generic
 * forms (register or memory destination, any source); the hottest operations add their own
 * 32/64-bit register-register and register-immediate classes on top of {@link RegReg} and
 * {@link RegImm}, which write the whole register (a 32-bit result zero-extends).
 */
final class AluForms {
    private AluForms() { }

    /** Binds {@code insn} (two operands, destination first) to {@code fn}'s generic forms. */
    static Op bind(Insn insn, AluFn fn) {
        int size = insn.opSize();
        Operand dst = insn.operand(0);
        Src src = Src.of(insn.operand(1), size);
        if (dst instanceof Operand.Reg r) return new ToReg(insn.length(), fn, Gpr.of(r.num(), r.isHighByte() ? 1 : size), src);
        return new ToMem(insn.length(), fn, new Ea((Operand.Mem) dst), size, src);
    }

    /** Whether {@code insn} is a 32/64-bit {@code reg, reg} form (the fast classes' domain). */
    static boolean isRegReg(Insn insn) {
        return insn.opSize() >= 4 && insn.operand(0) instanceof Operand.Reg && insn.operand(1) instanceof Operand.Reg;
    }

    static boolean isRegImm(Insn insn) {
        return insn.opSize() >= 4 && insn.operand(0) instanceof Operand.Reg && insn.operand(1) instanceof Operand.Imm;
    }

    static int reg(Insn insn, int i) { return ((Operand.Reg) insn.operand(i)).num(); }

    static long imm(Insn insn, int i) { return Src.imm((Operand.Imm) insn.operand(i), insn.opSize()); }

    static final class ToReg extends Op {
        private final AluFn fn;
        private final Gpr dst;
        private final Src src;
        private final long mask;

        ToReg(int length, AluFn fn, Gpr dst, Src src) {
            super(length);
            this.fn = fn;
            this.dst = dst;
            this.src = src;
            this.mask = dst.mask;
        }

        @Override public void exec(Cpu c) {
            long a = dst.get(c), b = src.get(c);
            long x = fn.compute(c, a, b, mask);
            if (fn.writes) dst.set(c, x);
            fn.flags(c, dst.size, a, b, x);
        }
    }

    static final class ToMem extends Op {
        private final AluFn fn;
        private final Ea ea;
        private final int size;
        private final Src src;
        private final long mask;

        ToMem(int length, AluFn fn, Ea ea, int size, Src src) {
            super(length);
            this.fn = fn;
            this.ea = ea;
            this.size = size;
            this.src = src;
            this.mask = Flags.mask(size);
        }

        @Override public void exec(Cpu c) {
            long la = ea.la(c);
            long a = c.read(la, size), b = src.get(c);
            long x = fn.compute(c, a, b, mask);
            if (fn.writes) c.write(la, size, x);
            fn.flags(c, size, a, b, x);
        }
    }

    /** 32/64-bit {@code op reg, reg}: subclasses implement exec with the operation inline. */
    abstract static class RegReg extends Op {
        final int d, s, size;
        final long mask;

        RegReg(Insn insn) {
            super(insn.length());
            this.d = reg(insn, 0);
            this.s = reg(insn, 1);
            this.size = insn.opSize();
            this.mask = Flags.mask(size);
        }
    }

    /** 32/64-bit {@code op reg, imm}, the immediate already extended and truncated. */
    abstract static class RegImm extends Op {
        final int d, size;
        final long imm, mask;

        RegImm(Insn insn) {
            super(insn.length());
            this.d = reg(insn, 0);
            this.size = insn.opSize();
            this.mask = Flags.mask(size);
            this.imm = imm(insn, 1);
        }
    }
}
