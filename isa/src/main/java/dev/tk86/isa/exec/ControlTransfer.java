package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Mnemonic;
import dev.tk86.isa.decode.Operand;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.mmu.Mmu;

/**
 * Near jmp, jcc, call, ret, ret imm16, int3, int imm8, iretq, ud2 (SDM Vol. 2). Relative
 * targets are taken from {@code cpu.rip}, which already holds the next instruction's address.
 * A branch to a non-canonical address raises #GP(0) on the branch itself, with nothing
 * changed (SDM Vol. 2A, JMP/CALL/RET 64-bit mode exceptions).
 */
final class ControlTransfer {
    private ControlTransfer() { }

    static Op bind(Insn insn) {
        int len = insn.length();
        Mnemonic m = insn.mnemonic();
        if (insn.opSize() == 2 && (m == Mnemonic.JMP || m == Mnemonic.CALL || m == Mnemonic.RET || m == Mnemonic.JCC))
            throw new DecodeException(DecodeException.Kind.OUTSIDE_SUBSET, 0, "16-bit near branches are outside the tk86 subset");
        return switch (m) {
            case JMP -> insn.operand(0) instanceof Operand.Rel r ? new JmpRel(len, r.disp()) : new JmpIndirect(len, Src.of(insn.operand(0), 8));
            case JCC -> new Jcc(len, ((Operand.Rel) insn.operand(0)).disp(), insn.cond());
            case CALL -> insn.operand(0) instanceof Operand.Rel r ? new CallRel(len, r.disp()) : new CallIndirect(len, Src.of(insn.operand(0), 8));
            case RET -> insn.operands().isEmpty() ? new Ret(len) : new RetImm(len, ((Operand.Imm) insn.operand(0)).value() & 0xFFFF);
            case INT3 -> new SoftwareInterrupt(len, 3);
            case INT -> new SoftwareInterrupt(len, (int) ((Operand.Imm) insn.operand(0)).value() & 0xFF);
            case IRETQ -> new Iretq(len);
            case UD2 -> new Ud2(len);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    static long checkTarget(long target) {
        if (!Mmu.isCanonical(target)) throw GuestFault.gp(String.format("branch to non-canonical address 0x%x", target));
        return target;
    }

    static final class JmpRel extends Op {
        private final long disp;

        JmpRel(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) { c.rip = checkTarget(c.rip + disp); }
    }

    static final class Jcc extends Op {
        private final long disp;
        private final int cc;

        Jcc(int length, long disp, int cc) { super(length); this.disp = disp; this.cc = cc; }

        @Override public void exec(Cpu c) {
            if (Flags.cond(c, cc)) c.rip = checkTarget(c.rip + disp);
        }
    }

    static final class JmpIndirect extends Op {
        private final Src target;

        JmpIndirect(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) { c.rip = checkTarget(target.get(c)); }
    }

    static final class CallRel extends Op {
        private final long disp;

        CallRel(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) {
            long next = c.rip, target = checkTarget(next + disp);
            c.push64(next);
            c.rip = target;
        }
    }

    /** call *r/m64: the target is read before the return address is pushed (call *(%rsp) works). */
    static final class CallIndirect extends Op {
        private final Src target;

        CallIndirect(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) {
            long next = c.rip, t = checkTarget(target.get(c));
            c.push64(next);
            c.rip = t;
        }
    }

    static final class Ret extends Op {
        Ret(int length) { super(length); }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], t = checkTarget(c.read64(sp));
            c.r[Reg.RSP] = sp + 8;
            c.rip = t;
        }
    }

    /** ret imm16: pops the return address, then releases imm16 more bytes of stack. */
    static final class RetImm extends Op {
        private final long release;

        RetImm(int length, long release) { super(length); this.release = release; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], t = checkTarget(c.read64(sp));
            c.r[Reg.RSP] = sp + 8 + release;
            c.rip = t;
        }
    }

    /** int3 and int imm8: delivered as software interrupts (the gate's DPL is checked). */
    static final class SoftwareInterrupt extends Op {
        private final int vector;

        SoftwareInterrupt(int length, int vector) { super(length); this.vector = vector; }

        @Override public void exec(Cpu c) { Interrupts.deliver(c, vector, false, 0, Interrupts.Source.SOFTWARE); }
    }

    static final class Iretq extends Op {
        Iretq(int length) { super(length); }

        @Override public void exec(Cpu c) { Interrupts.iretq(c); }
    }

    static final class Ud2 extends Op {
        Ud2(int length) { super(length); }

        @Override public void exec(Cpu c) { throw GuestFault.ud("ud2"); }
    }
}
