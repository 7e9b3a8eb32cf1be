package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * push, pop, pushfq, popfq (SDM Vol. 2B). The stack is 64 bits wide in 64-bit mode; a 66
 * prefix makes a 16-bit push or pop. RSP is updated only once the memory access has succeeded,
 * so a faulting push or pop can be restarted.
 */
final class Stack {
    private Stack() { }

    static Op bind(Insn insn) {
        int len = insn.length(), size = insn.opSize();
        return switch (insn.mnemonic()) {
            case PUSH -> insn.operand(0) instanceof Operand.Reg r && size == 8 ? new PushR(len, r.num())
                    : new PushSrc(len, size, Src.of(insn.operand(0), size));
            case POP -> insn.operand(0) instanceof Operand.Reg r ? (size == 8 ? new PopR(len, r.num()) : new PopReg(len, Gpr.of(r.num(), size)))
                    : new PopMem(len, new Ea((Operand.Mem) insn.operand(0)), size);
            case PUSHFQ -> new Pushf(len, size);
            case POPFQ -> new Popf(len, size);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    static final class PushR extends Op {
        private final int s;

        PushR(int length, int s) { super(length); this.s = s; }

        @Override public void exec(Cpu c) { c.push64(c.r[s]); }
    }

    static final class PopR extends Op {
        private final int d;

        PopR(int length, int d) { super(length); this.d = d; }

        /** pop %rsp loads the popped value: the increment is overwritten (SDM Vol. 2B, POP). */
        @Override public void exec(Cpu c) {
            long v = c.pop64();
            c.r[d] = v;
        }
    }

    /** push of an immediate (sign-extended), of memory, or of a 16-bit register. */
    static final class PushSrc extends Op {
        private final int size;
        private final Src src;

        PushSrc(int length, int size, Src src) { super(length); this.size = size; this.src = src; }

        @Override public void exec(Cpu c) {
            long v = src.get(c), sp = c.r[Reg.RSP] - size;
            c.write(sp, size, v);
            c.r[Reg.RSP] = sp;
        }
    }

    /** 16-bit pop into a register (merges into the low word). */
    static final class PopReg extends Op {
        private final Gpr dst;

        PopReg(int length, Gpr dst) { super(length); this.dst = dst; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], v = c.read(sp, dst.size);
            c.r[Reg.RSP] = sp + dst.size;
            dst.set(c, v);
        }
    }

    /**
     * pop into memory: an address computed from RSP uses the value after the increment
     * (SDM Vol. 2B, POP: "If the destination operand uses RSP as a base register...").
     */
    static final class PopMem extends Op {
        private final Ea ea;
        private final int size;

        PopMem(int length, Ea ea, int size) { super(length); this.ea = ea; this.size = size; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], v = c.read(sp, size);
            c.r[Reg.RSP] = sp + size;
            try {
                c.write(ea.la(c), size, v);
            } catch (RuntimeException fault) {
                c.r[Reg.RSP] = sp;
                throw fault;
            }
        }
    }

    /** pushfq: RFLAGS with RF and VM cleared in the image (SDM Vol. 2B, PUSHF). */
    static final class Pushf extends Op {
        private final int size;

        Pushf(int length, int size) { super(length); this.size = size; }

        @Override public void exec(Cpu c) {
            long v = c.rflags() & ~(Rflags.RF | Rflags.VM), sp = c.r[Reg.RSP] - size;
            c.write(sp, size, v);
            c.r[Reg.RSP] = sp;
        }
    }

    /**
     * popfq (SDM Vol. 2B, POPF, Table 4-16): at CPL 0 every flag but VM, VIF, VIP may change;
     * above CPL 0 IOPL keeps its value, and IF too unless CPL <= IOPL. RF is cleared. TF is
     * stored but tk86 does not single-step (no #DB).
     */
    static final class Popf extends Op {
        private static final long CHANGEABLE = Rflags.STATUS | Rflags.TF | Rflags.IF | Rflags.DF | Rflags.IOPL
                | Rflags.NT | Rflags.AC | Rflags.ID;
        private final int size;

        Popf(int length, int size) { super(length); this.size = size; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            long sp = c.r[Reg.RSP], v = c.read(sp, size), old = c.rflags();
            long changeable = CHANGEABLE;
            if (c.cpl > 0) changeable &= ~Rflags.IOPL;
            if (c.cpl > ((old & Rflags.IOPL) >>> 12)) changeable &= ~Rflags.IF;
            if (size == 2) changeable &= 0xFFFF;
            c.r[Reg.RSP] = sp + size;
            c.setRflags(((old & ~changeable) | (v & changeable)) & ~Rflags.RF);
        }
    }
}
