package dev.tk86.isa.exec;

import static dev.tk86.isa.exec.AluForms.isRegImm;
import static dev.tk86.isa.exec.AluForms.isRegReg;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * Binary arithmetic: add, adc, sub, sbb, cmp, inc, dec, neg (SDM Vol. 2, each instruction's
 * "Flags Affected": all six status flags are defined for these, so nothing is left to choose).
 * Multiplication and division are in {@link Multiply}.
 */
final class Arithmetic {
    private Arithmetic() { }

    static Op bind(Insn insn) {
        return switch (insn.mnemonic()) {
            case ADD -> isRegReg(insn) ? new AddRR(insn) : isRegImm(insn) ? new AddRI(insn) : AluForms.bind(insn, ADD);
            case SUB -> isRegReg(insn) ? new SubRR(insn) : isRegImm(insn) ? new SubRI(insn) : AluForms.bind(insn, SUB);
            case CMP -> isRegReg(insn) ? new CmpRR(insn) : isRegImm(insn) ? new CmpRI(insn) : AluForms.bind(insn, CMP);
            case ADC -> AluForms.bind(insn, ADC);
            case SBB -> AluForms.bind(insn, SBB);
            case INC -> isWideReg(insn) ? new IncR(insn) : UnaryForms.bind(insn, INC);
            case DEC -> isWideReg(insn) ? new DecR(insn) : UnaryForms.bind(insn, DEC);
            case NEG -> UnaryForms.bind(insn, NEG);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    private static boolean isWideReg(Insn insn) {
        return insn.opSize() >= 4 && insn.operand(0) instanceof Operand.Reg;
    }

    // --- the operations, for the generic forms ----------------------------------------------------

    static final AluFn ADD = new AluFn("add", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return (a + b) & mask; }
        @Override void flags(Cpu c, int size, long a, long b, long x) { Flags.set(c, Flags.ADD, size, a, b, x); }
    };

    static final AluFn SUB = new AluFn("sub", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return (a - b) & mask; }
        @Override void flags(Cpu c, int size, long a, long b, long x) { Flags.set(c, Flags.SUB, size, a, b, x); }
    };

    static final AluFn CMP = new AluFn("cmp", false) {
        @Override long compute(Cpu c, long a, long b, long mask) { return (a - b) & mask; }
        @Override void flags(Cpu c, int size, long a, long b, long x) { Flags.set(c, Flags.SUB, size, a, b, x); }
    };

    static final AluFn ADC = new AluFn("adc", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return (a + b + (Flags.cf(c) ? 1 : 0)) & mask; }
        @Override void flags(Cpu c, int size, long a, long b, long x) { Flags.setWithCarry(c, Flags.ADC, size, a, b, Flags.cf(c), x); }
    };

    static final AluFn SBB = new AluFn("sbb", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return (a - b - (Flags.cf(c) ? 1 : 0)) & mask; }
        @Override void flags(Cpu c, int size, long a, long b, long x) { Flags.setWithCarry(c, Flags.SBB, size, a, b, Flags.cf(c), x); }
    };

    /** INC: CF is not affected (SDM Vol. 2A, INC). */
    static final UnaryForms.Fn INC = new UnaryForms.Fn() {
        @Override long compute(long a, long mask) { return a + 1; }
        @Override void flags(Cpu c, int size, long a, long x) { Flags.setIncDec(c, Flags.INC, size, a, x); }
    };

    static final UnaryForms.Fn DEC = new UnaryForms.Fn() {
        @Override long compute(long a, long mask) { return a - 1; }
        @Override void flags(Cpu c, int size, long a, long x) { Flags.setIncDec(c, Flags.DEC, size, a, x); }
    };

    /** NEG: flags of 0 - a; CF = (a != 0) follows from that (SDM Vol. 2B, NEG). */
    static final UnaryForms.Fn NEG = new UnaryForms.Fn() {
        @Override long compute(long a, long mask) { return -a; }
        @Override void flags(Cpu c, int size, long a, long x) { Flags.set(c, Flags.SUB, size, 0, a, x); }
    };

    // --- the hot 32/64-bit register forms ---------------------------------------------------------

    static final class AddRR extends AluForms.RegReg {
        AddRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long a = r[d] & mask, b = r[s] & mask, x = (a + b) & mask;
            r[d] = x;
            Flags.set(c, Flags.ADD, size, a, b, x);
        }
    }

    static final class AddRI extends AluForms.RegImm {
        AddRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long a = r[d] & mask, x = (a + imm) & mask;
            r[d] = x;
            Flags.set(c, Flags.ADD, size, a, imm, x);
        }
    }

    static final class SubRR extends AluForms.RegReg {
        SubRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long a = r[d] & mask, b = r[s] & mask, x = (a - b) & mask;
            r[d] = x;
            Flags.set(c, Flags.SUB, size, a, b, x);
        }
    }

    static final class SubRI extends AluForms.RegImm {
        SubRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long a = r[d] & mask, x = (a - imm) & mask;
            r[d] = x;
            Flags.set(c, Flags.SUB, size, a, imm, x);
        }
    }

    static final class CmpRR extends AluForms.RegReg {
        CmpRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long a = r[d] & mask, b = r[s] & mask;
            Flags.set(c, Flags.SUB, size, a, b, (a - b) & mask);
        }
    }

    static final class CmpRI extends AluForms.RegImm {
        CmpRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long a = c.r[d] & mask;
            Flags.set(c, Flags.SUB, size, a, imm, (a - imm) & mask);
        }
    }

    /** 32/64-bit {@code inc reg}. */
    static final class IncR extends Op {
        private final int d, size;
        private final long mask;

        IncR(Insn i) { super(i.length()); d = AluForms.reg(i, 0); size = i.opSize(); mask = Flags.mask(size); }

        @Override public void exec(Cpu c) {
            long a = c.r[d] & mask, x = (a + 1) & mask;
            c.r[d] = x;
            Flags.setIncDec(c, Flags.INC, size, a, x);
        }
    }

    static final class DecR extends Op {
        private final int d, size;
        private final long mask;

        DecR(Insn i) { super(i.length()); d = AluForms.reg(i, 0); size = i.opSize(); mask = Flags.mask(size); }

        @Override public void exec(Cpu c) {
            long a = c.r[d] & mask, x = (a - 1) & mask;
            c.r[d] = x;
            Flags.setIncDec(c, Flags.DEC, size, a, x);
        }
    }
}
