package dev.tk86.isa.exec;

import static dev.tk86.isa.exec.AluForms.isRegImm;
import static dev.tk86.isa.exec.AluForms.isRegReg;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.decode.Insn;

/**
 * Logical instructions: and, or, xor, test, not. AND/OR/XOR/TEST clear OF and CF and set SF,
 * ZF, PF from the result; AF is undefined and tk86 clears it ({@link Flags#LOGIC}). NOT
 * affects no flags (SDM Vol. 2, AND/OR/XOR/TEST/NOT).
 */
final class Logic {
    private Logic() { }

    static Op bind(Insn insn) {
        return switch (insn.mnemonic()) {
            case AND -> isRegReg(insn) ? new AndRR(insn) : isRegImm(insn) ? new AndRI(insn) : AluForms.bind(insn, AND);
            case OR -> isRegReg(insn) ? new OrRR(insn) : isRegImm(insn) ? new OrRI(insn) : AluForms.bind(insn, OR);
            case XOR -> isRegReg(insn) ? new XorRR(insn) : isRegImm(insn) ? new XorRI(insn) : AluForms.bind(insn, XOR);
            case TEST -> isRegReg(insn) ? new TestRR(insn) : isRegImm(insn) ? new TestRI(insn) : AluForms.bind(insn, TEST);
            case NOT -> UnaryForms.bind(insn, NOT);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    /** A logic operation: flags depend on the result only. */
    private abstract static class LogicFn extends AluFn {
        LogicFn(String name, boolean writes) { super(name, writes); }

        @Override final void flags(Cpu c, int size, long a, long b, long x) { Flags.set(c, Flags.LOGIC, size, a, b, x); }
    }

    static final AluFn AND = new LogicFn("and", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return a & b; }
    };

    static final AluFn OR = new LogicFn("or", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return a | b; }
    };

    static final AluFn XOR = new LogicFn("xor", true) {
        @Override long compute(Cpu c, long a, long b, long mask) { return a ^ b; }
    };

    static final AluFn TEST = new LogicFn("test", false) {
        @Override long compute(Cpu c, long a, long b, long mask) { return a & b; }
    };

    static final UnaryForms.Fn NOT = new UnaryForms.Fn() {
        @Override long compute(long a, long mask) { return ~a; }
        @Override void flags(Cpu c, int size, long a, long x) { }
    };

    // --- the hot 32/64-bit register forms ---------------------------------------------------------

    static final class AndRR extends AluForms.RegReg {
        AndRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long x = r[d] & r[s] & mask;
            r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class AndRI extends AluForms.RegImm {
        AndRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long x = c.r[d] & imm;
            c.r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class OrRR extends AluForms.RegReg {
        OrRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long x = (r[d] | r[s]) & mask;
            r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class OrRI extends AluForms.RegImm {
        OrRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long x = (c.r[d] | imm) & mask;
            c.r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class XorRR extends AluForms.RegReg {
        XorRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long[] r = c.r;
            long x = (r[d] ^ r[s]) & mask;
            r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class XorRI extends AluForms.RegImm {
        XorRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) {
            long x = (c.r[d] ^ imm) & mask;
            c.r[d] = x;
            Flags.set(c, Flags.LOGIC, size, 0, 0, x);
        }
    }

    static final class TestRR extends AluForms.RegReg {
        TestRR(Insn i) { super(i); }

        @Override public void exec(Cpu c) { Flags.set(c, Flags.LOGIC, size, 0, 0, c.r[d] & c.r[s] & mask); }
    }

    static final class TestRI extends AluForms.RegImm {
        TestRI(Insn i) { super(i); }

        @Override public void exec(Cpu c) { Flags.set(c, Flags.LOGIC, size, 0, 0, c.r[d] & imm); }
    }
}
