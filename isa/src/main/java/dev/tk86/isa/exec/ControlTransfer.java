package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
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
 *
 * <p>With 66 (and no REX.W) an AMD processor runs near branches at 16 bits, which the decoder
 * gives as operand size 2 (Intel ignores the prefix): call pushes and ret pops a word, and a
 * taken branch leaves RIP = the 16-bit IP, zero-extended (APM Vol. 3, CALL/JMP/Jcc/RET;
 * checked on the host AMD CPU). Such a target is always canonical.
 */
final class ControlTransfer {
    private ControlTransfer() { }

    static Op bind(Insn insn) {
        int len = insn.length();
        Mnemonic m = insn.mnemonic();
        boolean nearBranch = m == Mnemonic.JMP || m == Mnemonic.JCC || m == Mnemonic.CALL || m == Mnemonic.RET;
        if (nearBranch && insn.opSize() == 2) return bind16(insn);
        return switch (m) {
            case JMP -> insn.operand(0) instanceof Operand.Rel r ? new JmpRel(len, r.disp()) : new JmpIndirect(len, Src.of(insn.operand(0), 8));
            case JCC -> Jcc.of(len, ((Operand.Rel) insn.operand(0)).disp(), insn.cond());
            case CALL -> insn.operand(0) instanceof Operand.Rel r ? new CallRel(len, r.disp()) : new CallIndirect(len, Src.of(insn.operand(0), 8));
            case RET -> insn.operands().isEmpty() ? new Ret(len) : new RetImm(len, ((Operand.Imm) insn.operand(0)).value() & 0xFFFF);
            case INT3 -> new SoftwareInterrupt(len, 3);
            case INT -> new SoftwareInterrupt(len, (int) ((Operand.Imm) insn.operand(0)).value() & 0xFF);
            case IRETQ -> new Iretq(len);
            case UD2 -> new Ud2(len);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    /** The 16-bit near branches of an AMD processor. */
    private static Op bind16(Insn insn) {
        int len = insn.length();
        return switch (insn.mnemonic()) {
            case JMP -> insn.operand(0) instanceof Operand.Rel r ? new JmpRel16(len, r.disp()) : new JmpIndirect16(len, Src.of(insn.operand(0), 2));
            case JCC -> new Jcc16(len, ((Operand.Rel) insn.operand(0)).disp(), insn.cond());
            case CALL -> insn.operand(0) instanceof Operand.Rel r ? new CallRel16(len, r.disp()) : new CallIndirect16(len, Src.of(insn.operand(0), 2));
            case RET -> new Ret16(len, insn.operands().isEmpty() ? 0 : ((Operand.Imm) insn.operand(0)).value() & 0xFFFF);
            default -> throw new IllegalArgumentException("no 16-bit form of " + insn.mnemonic());
        };
    }

    static long checkTarget(long target) {
        if (!Mmu.isCanonical(target)) throw nonCanonical(target);
        return target;
    }

    private static GuestFault nonCanonical(long target) {
        return GuestFault.gp(String.format("branch to non-canonical address 0x%x", target));
    }

    /** Every instruction here transfers control, so each ends a hot block. */
    abstract static class Branch extends Op {
        Branch(int length) { super(length); }

        @Override final boolean endsBlock() { return true; }
    }

    static final class JmpRel extends Branch {
        private final long disp;

        JmpRel(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) { c.rip = checkTarget(c.rip + disp); }
    }

    /**
     * jcc, one class per condition pair (tttn >>> 1) so that each inlines its own small test
     * from {@link Flags}; the low bit of tttn negates it.
     */
    abstract static class Jcc extends Branch {
        final long disp;
        final boolean negate;

        Jcc(int length, long disp, int cc) { super(length); this.disp = disp; this.negate = (cc & 1) != 0; }

        static Op of(int len, long disp, int cc) {
            return switch (cc >>> 1) {
                case 0 -> new Jo(len, disp, cc);
                case 1 -> new Jb(len, disp, cc);
                case 2 -> new Je(len, disp, cc);
                case 3 -> new Jbe(len, disp, cc);
                case 4 -> new Js(len, disp, cc);
                case 5 -> new Jp(len, disp, cc);
                case 6 -> new Jl(len, disp, cc);
                default -> new Jle(len, disp, cc);
            };
        }

        final void branchIf(Cpu c, boolean condition) {
            if (condition != negate) c.rip = checkTarget(c.rip + disp);
        }
    }

    static final class Jo extends Jcc {
        Jo(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.o(c)); }
    }

    static final class Jb extends Jcc {
        Jb(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.b(c)); }
    }

    static final class Je extends Jcc {
        Je(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.e(c)); }
    }

    static final class Jbe extends Jcc {
        Jbe(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.be(c)); }
    }

    static final class Js extends Jcc {
        Js(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.s(c)); }
    }

    static final class Jp extends Jcc {
        Jp(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.p(c)); }
    }

    static final class Jl extends Jcc {
        Jl(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.l(c)); }
    }

    static final class Jle extends Jcc {
        Jle(int len, long disp, int cc) { super(len, disp, cc); }
        @Override public void exec(Cpu c) { branchIf(c, Flags.le(c)); }
    }

    static final class JmpIndirect extends Branch {
        private final Src target;

        JmpIndirect(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) { c.rip = checkTarget(target.get(c)); }
    }

    static final class CallRel extends Branch {
        private final long disp;

        CallRel(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) {
            long next = c.rip, target = checkTarget(next + disp);
            c.push64(next);
            c.rip = target;
        }
    }

    /** call *r/m64: the target is read before the return address is pushed (call *(%rsp) works). */
    static final class CallIndirect extends Branch {
        private final Src target;

        CallIndirect(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) {
            long next = c.rip, t = checkTarget(target.get(c));
            c.push64(next);
            c.rip = t;
        }
    }

    static final class Ret extends Branch {
        Ret(int length) { super(length); }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], t = checkTarget(c.read64(sp));
            c.r[Reg.RSP] = sp + 8;
            c.rip = t;
        }
    }

    /** ret imm16: pops the return address, then releases imm16 more bytes of stack. */
    static final class RetImm extends Branch {
        private final long release;

        RetImm(int length, long release) { super(length); this.release = release; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], t = checkTarget(c.read64(sp));
            c.r[Reg.RSP] = sp + 8 + release;
            c.rip = t;
        }
    }

    static final class JmpRel16 extends Branch {
        private final long disp;

        JmpRel16(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) { c.rip = (c.rip + disp) & 0xFFFF; }
    }

    /** jcc with 66 on AMD: taken, RIP becomes the 16-bit IP; not taken, RIP stays whole (host CPU). */
    static final class Jcc16 extends Branch {
        private final long disp;
        private final int cc;

        Jcc16(int length, long disp, int cc) { super(length); this.disp = disp; this.cc = cc; }

        @Override public void exec(Cpu c) {
            if (Flags.cond(c, cc)) c.rip = (c.rip + disp) & 0xFFFF;
        }
    }

    static final class JmpIndirect16 extends Branch {
        private final Src target;

        JmpIndirect16(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) { c.rip = target.get(c) & 0xFFFF; }
    }

    /** call rel16: pushes the low word of the next instruction's address. */
    static final class CallRel16 extends Branch {
        private final long disp;

        CallRel16(int length, long disp) { super(length); this.disp = disp; }

        @Override public void exec(Cpu c) {
            long next = c.rip;
            push16(c, next);
            c.rip = (next + disp) & 0xFFFF;
        }
    }

    static final class CallIndirect16 extends Branch {
        private final Src target;

        CallIndirect16(int length, Src target) { super(length); this.target = target; }

        @Override public void exec(Cpu c) {
            long next = c.rip, t = target.get(c) & 0xFFFF;
            push16(c, next);
            c.rip = t;
        }
    }

    /** retw and retw imm16: pops a word into IP, then releases imm16 more bytes of stack. */
    static final class Ret16 extends Branch {
        private final long release;

        Ret16(int length, long release) { super(length); this.release = release; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], t = c.read16(sp);
            c.r[Reg.RSP] = sp + 2 + release;
            c.rip = t;
        }
    }

    private static void push16(Cpu c, long v) {
        long sp = c.r[Reg.RSP] - 2;
        c.write16(sp, v);
        c.r[Reg.RSP] = sp;
    }

    /** int3 and int imm8: delivered as software interrupts (the gate's DPL is checked). */
    static final class SoftwareInterrupt extends Branch {
        private final int vector;

        SoftwareInterrupt(int length, int vector) { super(length); this.vector = vector; }

        @Override public void exec(Cpu c) { Interrupts.deliver(c, vector, false, 0, Interrupts.Source.SOFTWARE); }
    }

    static final class Iretq extends Branch {
        Iretq(int length) { super(length); }

        @Override public void exec(Cpu c) { Interrupts.iretq(c); }
    }

    static final class Ud2 extends Branch {
        Ud2(int length) { super(length); }

        @Override public void exec(Cpu c) { throw GuestFault.ud("ud2"); }
    }
}
