package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * shl/sal, shr, sar, rol, ror by 1, by imm8 and by CL (SDM Vol. 2B, SAL/SAR/SHL/SHR and
 * RCL/RCR/ROL/ROR).
 *
 * <p>The count is masked to 5 bits (6 with a 64-bit operand); rotates of bytes and words
 * then take it modulo the width. A masked count of 0 changes no flags (and a 32-bit register
 * operand is still written, so its upper half is cleared, as on hardware). Shifts set SF, ZF,
 * PF from the result and CF to the last bit shifted out; OF is defined for a count of 1 only
 * and tk86 applies the same rule to every count (SHL: MSB(result) XOR CF; SHR: MSB(original);
 * SAR: 0); AF is undefined and tk86 clears it. Rotates change only CF and OF (OF by the
 * count-1 rule for every count: ROL: MSB(result) XOR CF; ROR: the two top bits XORed).
 */
final class Shifts {
    private Shifts() { }

    /** The operation on a value already zero-extended to {@code size}; count is masked and non-zero. */
    abstract static class Fn {
        abstract long compute(long a, int count, int size, long mask);

        abstract void flags(Cpu c, int size, long a, int count, long x);
    }

    static Op bind(Insn insn) {
        int size = insn.opSize(), countMask = size == 8 ? 63 : 31;
        Fn fn = switch (insn.mnemonic()) {
            case SHL -> SHL;
            case SHR -> SHR;
            case SAR -> SAR;
            case ROL -> ROL;
            default -> ROR;
        };
        boolean byCl = insn.operands().size() > 1 && insn.operand(1) instanceof Operand.Reg;
        int count = insn.operands().size() < 2 ? 1 : byCl ? -1 : (int) ((Operand.Imm) insn.operand(1)).value() & countMask;
        Operand dst = insn.operand(0);
        if (dst instanceof Operand.Reg r) {
            if (!byCl && size >= 4 && count != 0) {
                if (fn == SHL) return new ShlRI(insn.length(), r.num(), size, count);
                if (fn == SHR) return new ShrRI(insn.length(), r.num(), size, count);
            }
            return new OnReg(insn.length(), fn, Gpr.of(r.num(), r.isHighByte() ? 1 : size), count, countMask);
        }
        return new OnMem(insn.length(), fn, new Ea((Operand.Mem) dst), size, count, countMask);
    }

    static final Fn SHL = new Fn() {
        @Override long compute(long a, int n, int size, long mask) { return (a << n) & mask; }
        @Override void flags(Cpu c, int size, long a, int n, long x) { Flags.set(c, Flags.SHL, size, a, n, x); }
    };

    static final Fn SHR = new Fn() {
        @Override long compute(long a, int n, int size, long mask) { return a >>> n; }
        @Override void flags(Cpu c, int size, long a, int n, long x) { Flags.set(c, Flags.SHR, size, a, n, x); }
    };

    static final Fn SAR = new Fn() {
        @Override long compute(long a, int n, int size, long mask) { return (Flags.signExtend(a, size) >> n) & mask; }
        @Override void flags(Cpu c, int size, long a, int n, long x) { Flags.set(c, Flags.SAR, size, a, n, x); }
    };

    static final Fn ROL = new Fn() {
        @Override long compute(long a, int n, int size, long mask) {
            int bits = size * 8, k = n % bits;
            return k == 0 ? a : ((a << k) | (a >>> (bits - k))) & mask;
        }

        @Override void flags(Cpu c, int size, long a, int n, long x) {
            boolean cf = (x & 1) != 0, msb = (x & Flags.signBit(size)) != 0;
            Flags.update(c, Rflags.CF | Rflags.OF, (cf ? Rflags.CF : 0) | (msb != cf ? Rflags.OF : 0));
        }
    };

    static final Fn ROR = new Fn() {
        @Override long compute(long a, int n, int size, long mask) {
            int bits = size * 8, k = n % bits;
            return k == 0 ? a : ((a >>> k) | (a << (bits - k))) & mask;
        }

        @Override void flags(Cpu c, int size, long a, int n, long x) {
            long top = Flags.signBit(size);
            boolean msb = (x & top) != 0, next = (x & (top >>> 1)) != 0;
            Flags.update(c, Rflags.CF | Rflags.OF, (msb ? Rflags.CF : 0) | (msb != next ? Rflags.OF : 0));
        }
    };

    static final class OnReg extends Op {
        private final Fn fn;
        private final Gpr r;
        private final int count, countMask;

        OnReg(int length, Fn fn, Gpr r, int count, int countMask) {
            super(length);
            this.fn = fn;
            this.r = r;
            this.count = count;
            this.countMask = countMask;
        }

        @Override public void exec(Cpu c) {
            int n = count >= 0 ? count : (int) c.r[Reg.RCX] & countMask;
            long a = r.get(c);
            if (n == 0) { r.set(c, a); return; }
            long x = fn.compute(a, n, r.size, r.mask);
            r.set(c, x);
            fn.flags(c, r.size, a, n, x);
        }
    }

    static final class OnMem extends Op {
        private final Fn fn;
        private final Ea ea;
        private final int size, count, countMask;
        private final long mask;

        OnMem(int length, Fn fn, Ea ea, int size, int count, int countMask) {
            super(length);
            this.fn = fn;
            this.ea = ea;
            this.size = size;
            this.count = count;
            this.countMask = countMask;
            this.mask = Flags.mask(size);
        }

        @Override public void exec(Cpu c) {
            int n = count >= 0 ? count : (int) c.r[Reg.RCX] & countMask;
            long la = ea.la(c), a = c.read(la, size);
            if (n == 0) return;
            long x = fn.compute(a, n, size, mask);
            c.write(la, size, x);
            fn.flags(c, size, a, n, x);
        }
    }

    /** 32/64-bit {@code shl $n, reg} with n != 0 (the benchmark's and compilers' favourite). */
    static final class ShlRI extends Op {
        private final int d, size, n;
        private final long mask;

        ShlRI(int length, int d, int size, int n) { super(length); this.d = d; this.size = size; this.n = n; this.mask = Flags.mask(size); }

        @Override public void exec(Cpu c) {
            long a = c.r[d] & mask, x = (a << n) & mask;
            c.r[d] = x;
            Flags.set(c, Flags.SHL, size, a, n, x);
        }
    }

    static final class ShrRI extends Op {
        private final int d, size, n;
        private final long mask;

        ShrRI(int length, int d, int size, int n) { super(length); this.d = d; this.size = size; this.n = n; this.mask = Flags.mask(size); }

        @Override public void exec(Cpu c) {
            long a = c.r[d] & mask, x = a >>> n;
            c.r[d] = x;
            Flags.set(c, Flags.SHR, size, a, n, x);
        }
    }
}
