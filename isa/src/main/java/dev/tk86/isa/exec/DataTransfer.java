package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;
import dev.tk86.isa.fault.GuestFault;

/**
 * Data movement that touches no flags: mov (incl. movabs and moves to and from segment
 * registers), movzx, movsx, movsxd, lea, cmovcc, setcc, cbw/cwde/cdqe, cwd/cdq/cqo
 * (SDM Vol. 2). Moves to and from control registers are {@link SystemOps}.
 *
 * <p>Segment registers are selector-only in tk86: mov to a segment register stores the 16-bit
 * selector and loads no descriptor (so FS and GS bases come only from their MSRs and swapgs);
 * mov to CS is #UD and mov to SS blocks interrupts for one instruction (SDM Vol. 3A, 6.8.3).
 */
final class DataTransfer {
    private DataTransfer() { }

    static Op bind(Insn insn) {
        int len = insn.length(), size = insn.opSize();
        return switch (insn.mnemonic()) {
            case MOV -> bindMov(insn);
            case MOVZX -> new Extend(len, dstReg(insn, size), Src.of(insn.operand(1), sizeOf(insn.operand(1))), 0);
            case MOVSX, MOVSXD -> new Extend(len, dstReg(insn, size), Src.of(insn.operand(1), sizeOf(insn.operand(1))),
                    sizeOf(insn.operand(1)));
            case LEA -> new Lea(len, dstReg(insn, size), new Ea((Operand.Mem) insn.operand(1)));
            case CMOVCC -> new Cmov(len, dstReg(insn, size), Src.of(insn.operand(1), size), insn.cond());
            case SETCC -> insn.operand(0) instanceof Operand.Reg r ? new SetReg(len, Gpr.of(r.num(), 1), insn.cond())
                    : new SetMem(len, new Ea((Operand.Mem) insn.operand(0)), insn.cond());
            case CBW, CWDE, CDQE -> new Extend(len, Gpr.of(Reg.RAX, size), Gpr.of(Reg.RAX, size / 2), size / 2);
            case CWD, CDQ, CQO -> new SignFill(len, size);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    static int sizeOf(Operand o) {
        if (o instanceof Operand.Reg r) return r.isHighByte() ? 1 : r.size();
        if (o instanceof Operand.Mem m) return m.size();
        return ((Operand.Imm) o).size();
    }

    private static Gpr dstReg(Insn insn, int size) {
        Operand.Reg r = (Operand.Reg) insn.operand(0);
        return Gpr.of(r.num(), r.isHighByte() ? 1 : size);
    }

    private static Op bindMov(Insn insn) {
        Operand dst = insn.operand(0), src = insn.operand(1);
        int len = insn.length(), size = insn.opSize();
        if (dst instanceof Operand.Cr || src instanceof Operand.Cr) return SystemOps.bindMovCr(insn);
        if (dst instanceof Operand.SReg s) return new MovToSreg(len, s.num(), Src.of(src, 2));
        if (src instanceof Operand.SReg s) {
            if (dst instanceof Operand.Reg r) return new MovFromSregToReg(len, Gpr.of(r.num(), size), s.num());
            return new MovFromSregToMem(len, new Ea((Operand.Mem) dst), s.num());
        }
        boolean wide = size >= 4;
        if (dst instanceof Operand.Reg d) {
            if (wide && src instanceof Operand.Reg s) return new MovRR(len, d.num(), s.num(), Flags.mask(size));
            if (wide && src instanceof Operand.Imm i) return new MovRI(len, d.num(), Src.imm(i, size));
            if (src instanceof Operand.Mem m && size == 8) return new Load64(len, d.num(), new Ea(m));
            if (src instanceof Operand.Mem m && size == 4) return new Load32(len, d.num(), new Ea(m));
            return new MovToReg(len, dstReg(insn, size), Src.of(src, size));
        }
        Ea ea = new Ea((Operand.Mem) dst);
        if (src instanceof Operand.Reg s && !s.isHighByte() && size == 8) return new Store64(len, ea, s.num());
        if (src instanceof Operand.Reg s && !s.isHighByte() && size == 4) return new Store32(len, ea, s.num());
        return new Store(len, ea, size, Src.of(src, size));
    }

    // --- mov ---------------------------------------------------------------------------------------

    /** 32/64-bit register to register; a 32-bit move clears the upper half. */
    static final class MovRR extends Op {
        private final int d, s;
        private final long mask;

        MovRR(int length, int d, int s, long mask) { super(length); this.d = d; this.s = s; this.mask = mask; }

        @Override public void exec(Cpu c) { c.r[d] = c.r[s] & mask; }
    }

    /** 32/64-bit immediate to register (the immediate is already extended and truncated). */
    static final class MovRI extends Op {
        private final int d;
        private final long imm;

        MovRI(int length, int d, long imm) { super(length); this.d = d; this.imm = imm; }

        @Override public void exec(Cpu c) { c.r[d] = imm; }
    }

    static final class Load64 extends Op {
        private final int d;
        private final Ea ea;

        Load64(int length, int d, Ea ea) { super(length); this.d = d; this.ea = ea; }

        @Override public void exec(Cpu c) { c.r[d] = c.read64(ea.la(c)); }
    }

    static final class Load32 extends Op {
        private final int d;
        private final Ea ea;

        Load32(int length, int d, Ea ea) { super(length); this.d = d; this.ea = ea; }

        @Override public void exec(Cpu c) { c.r[d] = c.read32(ea.la(c)); }
    }

    static final class Store64 extends Op {
        private final int s;
        private final Ea ea;

        Store64(int length, Ea ea, int s) { super(length); this.ea = ea; this.s = s; }

        @Override public void exec(Cpu c) { c.write64(ea.la(c), c.r[s]); }
    }

    static final class Store32 extends Op {
        private final int s;
        private final Ea ea;

        Store32(int length, Ea ea, int s) { super(length); this.ea = ea; this.s = s; }

        @Override public void exec(Cpu c) { c.write32(ea.la(c), c.r[s]); }
    }

    /** Any other move into a register (8/16-bit, high bytes). */
    static final class MovToReg extends Op {
        private final Gpr dst;
        private final Src src;

        MovToReg(int length, Gpr dst, Src src) { super(length); this.dst = dst; this.src = src; }

        @Override public void exec(Cpu c) { dst.set(c, src.get(c)); }
    }

    /** Any other store: 8/16-bit registers, immediates. */
    static final class Store extends Op {
        private final Ea ea;
        private final int size;
        private final Src src;

        Store(int length, Ea ea, int size, Src src) { super(length); this.ea = ea; this.size = size; this.src = src; }

        @Override public void exec(Cpu c) {
            long v = src.get(c);
            c.write(ea.la(c), size, v);
        }
    }

    // --- segment registers (selector only) ---------------------------------------------------------

    static int selector(Cpu c, int sreg) {
        return switch (sreg) {
            case Operand.SReg.ES -> c.es;
            case Operand.SReg.CS -> c.cs;
            case Operand.SReg.SS -> c.ss;
            case Operand.SReg.DS -> c.ds;
            case Operand.SReg.FS -> c.fs;
            default -> c.gs;
        };
    }

    static final class MovToSreg extends Op {
        private final int sreg;
        private final Src src;

        MovToSreg(int length, int sreg, Src src) { super(length); this.sreg = sreg; this.src = src; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            int v = (int) src.get(c) & 0xFFFF;
            switch (sreg) {
                case Operand.SReg.ES -> c.es = v;
                case Operand.SReg.SS -> { c.ss = v; c.interruptShadowUntil = c.steps + 1; c.exitRun = true; }
                case Operand.SReg.DS -> c.ds = v;
                case Operand.SReg.FS -> c.fs = v;
                case Operand.SReg.GS -> c.gs = v;
                default -> throw GuestFault.ud("mov to %cs is not an instruction (SDM Vol. 2B, MOV)");
            }
        }
    }

    /** mov sreg to a register: the selector zero-extended to 32 or 64 bits, merged at 16. */
    static final class MovFromSregToReg extends Op {
        private final Gpr dst;
        private final int sreg;

        MovFromSregToReg(int length, Gpr dst, int sreg) { super(length); this.dst = dst; this.sreg = sreg; }

        @Override public void exec(Cpu c) { dst.set(c, selector(c, sreg)); }
    }

    /** mov sreg to memory always stores 16 bits. */
    static final class MovFromSregToMem extends Op {
        private final Ea ea;
        private final int sreg;

        MovFromSregToMem(int length, Ea ea, int sreg) { super(length); this.ea = ea; this.sreg = sreg; }

        @Override public void exec(Cpu c) { c.write16(ea.la(c), selector(c, sreg)); }
    }

    // --- extensions, lea, conditional moves -------------------------------------------------------

    /** movzx/movsx/movsxd and cbw/cwde/cdqe: {@code signBytes} 0 zero-extends. */
    static final class Extend extends Op {
        private final Gpr dst;
        private final Src src;
        private final int signBytes;

        Extend(int length, Gpr dst, Src src, int signBytes) { super(length); this.dst = dst; this.src = src; this.signBytes = signBytes; }

        @Override public void exec(Cpu c) {
            long v = src.get(c);
            dst.set(c, signBytes == 0 ? v : Flags.signExtend(v, signBytes));
        }
    }

    /** cwd/cdq/cqo: rDX = the sign of rAX, repeated. */
    static final class SignFill extends Op {
        private final Gpr dx;
        private final int size;

        SignFill(int length, int size) { super(length); this.size = size; this.dx = Gpr.of(Reg.RDX, size); }

        @Override public void exec(Cpu c) { dx.set(c, Flags.signExtend(c.r[Reg.RAX], size) >> 63); }
    }

    /** lea: the effective address (no segment base), truncated to the operand size. */
    static final class Lea extends Op {
        private final Gpr dst;
        private final Ea ea;

        Lea(int length, Gpr dst, Ea ea) { super(length); this.dst = dst; this.ea = ea; }

        @Override public void exec(Cpu c) { dst.set(c, ea.ea(c)); }
    }

    /**
     * cmovcc: the source is read (and may fault) whatever the condition, and a 32-bit
     * destination is written, so zero-extended, even when the condition is false.
     */
    static final class Cmov extends Op {
        private final Gpr dst;
        private final Src src;
        private final int cc;

        Cmov(int length, Gpr dst, Src src, int cc) { super(length); this.dst = dst; this.src = src; this.cc = cc; }

        @Override public void exec(Cpu c) {
            long v = src.get(c);
            dst.set(c, Flags.cond(c, cc) ? v : dst.get(c));
        }
    }

    static final class SetReg extends Op {
        private final Gpr dst;
        private final int cc;

        SetReg(int length, Gpr dst, int cc) { super(length); this.dst = dst; this.cc = cc; }

        @Override public void exec(Cpu c) { dst.set(c, Flags.cond(c, cc) ? 1 : 0); }
    }

    static final class SetMem extends Op {
        private final Ea ea;
        private final int cc;

        SetMem(int length, Ea ea, int cc) { super(length); this.ea = ea; this.cc = cc; }

        @Override public void exec(Cpu c) { c.write8(ea.la(c), Flags.cond(c, cc) ? 1 : 0); }
    }
}
