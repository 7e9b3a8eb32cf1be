package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * xchg, cmpxchg, xadd (SDM Vol. 2). All CPUs run on one host thread and an instruction is
 * never interleaved with another, so every read-modify-write here is atomic with or without
 * a lock prefix; xchg with memory is locked implicitly on hardware and here alike.
 * Memory is written before registers and flags change, so a fault leaves all as it was.
 */
final class Atomics {
    private Atomics() { }

    static Op bind(Insn insn) {
        int len = insn.length(), size = insn.opSize();
        Operand a = insn.operand(0), b = insn.operand(1);
        return switch (insn.mnemonic()) {
            case XCHG -> {
                if (a instanceof Operand.Mem m) yield new XchgMem(len, new Ea(m), size, reg(b, size));
                if (b instanceof Operand.Mem m) yield new XchgMem(len, new Ea(m), size, reg(a, size));
                yield new XchgReg(len, reg(a, size), reg(b, size));
            }
            case CMPXCHG -> a instanceof Operand.Reg ? new CmpxchgReg(len, reg(a, size), reg(b, size))
                    : new CmpxchgMem(len, new Ea((Operand.Mem) a), size, reg(b, size));
            default -> a instanceof Operand.Reg ? new XaddReg(len, reg(a, size), reg(b, size))
                    : new XaddMem(len, new Ea((Operand.Mem) a), size, reg(b, size));
        };
    }

    private static Gpr reg(Operand o, int size) {
        Operand.Reg r = (Operand.Reg) o;
        return Gpr.of(r.num(), r.isHighByte() ? 1 : size);
    }

    static final class XchgReg extends Op {
        private final Gpr a, b;

        XchgReg(int length, Gpr a, Gpr b) { super(length); this.a = a; this.b = b; }

        @Override public void exec(Cpu c) {
            long x = a.get(c), y = b.get(c);
            a.set(c, y);
            b.set(c, x);
        }
    }

    /** A memory destination of {@code size} bytes and a register. */
    abstract static class MemReg extends Op {
        final Ea ea;
        final int size;
        final Gpr r;

        MemReg(int length, Ea ea, int size, Gpr r) { super(length); this.ea = ea; this.size = size; this.r = r; }
    }

    static final class XchgMem extends MemReg {
        XchgMem(int length, Ea ea, int size, Gpr r) { super(length, ea, size, r); }

        @Override public void exec(Cpu c) {
            long la = ea.la(c), m = c.read(la, size);
            c.write(la, size, r.get(c));
            r.set(c, m);
        }
    }

    /**
     * cmpxchg with a register destination: flags of {@code accumulator - dest}; equal: dest =
     * src; else accumulator = dest. Unlike the SDM's pseudo-code ("DEST := TEMP"), a register
     * destination is not written when the comparison fails, so a 32-bit one keeps its upper
     * half; that is what the processor does (the differential test against the host CPU
     * settles it), while a memory destination is always written back.
     */
    static final class CmpxchgReg extends Op {
        private final Gpr dst, src, acc;

        CmpxchgReg(int length, Gpr dst, Gpr src) { super(length); this.dst = dst; this.src = src; this.acc = Gpr.of(Reg.RAX, dst.size); }

        @Override public void exec(Cpu c) {
            long t = dst.get(c), a = acc.get(c);
            if (a == t) {
                dst.set(c, src.get(c));
            } else {
                acc.set(c, t);
            }
            Flags.set(c, Flags.SUB, dst.size, a, t, (a - t) & dst.mask);
        }
    }

    /** cmpxchg with memory: the destination is always written (back), as the locked cycle does. */
    static final class CmpxchgMem extends MemReg {
        private final Gpr acc;

        CmpxchgMem(int length, Ea ea, int size, Gpr src) { super(length, ea, size, src); this.acc = Gpr.of(Reg.RAX, size); }

        @Override public void exec(Cpu c) {
            long la = ea.la(c), t = c.read(la, size), a = acc.get(c);
            c.write(la, size, a == t ? r.get(c) : t);
            if (a != t) acc.set(c, t);
            Flags.set(c, Flags.SUB, size, a, t, (a - t) & acc.mask);
        }
    }

    /** xadd: src = old dest, dest = old dest + src (the destination is written last). */
    static final class XaddReg extends Op {
        private final Gpr dst, src;

        XaddReg(int length, Gpr dst, Gpr src) { super(length); this.dst = dst; this.src = src; }

        @Override public void exec(Cpu c) {
            long d = dst.get(c), s = src.get(c), x = (d + s) & dst.mask;
            src.set(c, d);
            dst.set(c, x);
            Flags.set(c, Flags.ADD, dst.size, d, s, x);
        }
    }

    static final class XaddMem extends MemReg {
        XaddMem(int length, Ea ea, int size, Gpr src) { super(length, ea, size, src); }

        @Override public void exec(Cpu c) {
            long la = ea.la(c), d = c.read(la, size), s = r.get(c), x = (d + s) & r.mask;
            c.write(la, size, x);
            r.set(c, d);
            Flags.set(c, Flags.ADD, size, d, s, x);
        }
    }
}
