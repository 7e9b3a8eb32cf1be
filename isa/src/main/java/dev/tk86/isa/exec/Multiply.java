package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;

/**
 * mul, imul (one, two and three operands), div, idiv (SDM Vol. 2A/2B).
 *
 * <p>Flags: after MUL/IMUL, CF = OF = "the result did not fit the destination"; SF, ZF, AF
 * and PF are undefined and tk86 sets SF, ZF and PF from the low half of the result (the part
 * written to the destination, or AL/AX/EAX/RAX) and clears AF. After DIV/IDIV all six are
 * undefined and tk86 leaves them unchanged. A zero divisor or a quotient that does not fit
 * raises #DE with nothing changed.
 */
final class Multiply {
    private Multiply() { }

    static Op bind(Insn insn) {
        int size = insn.opSize(), n = insn.operands().size();
        return switch (insn.mnemonic()) {
            case MUL -> new Widening(insn.length(), Src.of(insn.operand(0), size), size, false);
            case IMUL -> n == 1 ? new Widening(insn.length(), Src.of(insn.operand(0), size), size, true)
                    : new Truncating(insn.length(), Gpr.of((Operand.Reg) insn.operand(0)),
                            n == 2 ? Gpr.of((Operand.Reg) insn.operand(0)) : Src.of(insn.operand(1), size),
                            n == 2 ? Src.of(insn.operand(1), size) : Src.of(insn.operand(2), size));
            case DIV -> new Divide(insn.length(), Src.of(insn.operand(0), size), size, false);
            case IDIV -> new Divide(insn.length(), Src.of(insn.operand(0), size), size, true);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    private static void flags(Cpu c, boolean overflow, long lo, int size) {
        Flags.setEager(c, (overflow ? Rflags.CF | Rflags.OF : 0) | Flags.szp(lo, size));
    }

    /** The high half of the unsigned 128-bit product (Java 17 has only the signed one). */
    static long unsignedMultiplyHigh(long a, long b) {
        return Math.multiplyHigh(a, b) + ((a >> 63) & b) + ((b >> 63) & a);
    }

    /** The one-operand forms (mul, imul, div, idiv): rAX and rDX, or AX for bytes, with a source. */
    abstract static class OnAccumulator extends Op {
        final Src src;
        final int size, bits;
        final long mask;
        final boolean signed;

        OnAccumulator(int length, Src src, int size, boolean signed) {
            super(length);
            this.src = src;
            this.size = size;
            this.bits = size * 8;
            this.mask = Flags.mask(size);
            this.signed = signed;
        }

        /** rDX:rAX = high:low, or AH:AL for bytes. */
        final void writePair(Cpu c, long low, long high) {
            if (size == 1) {
                c.setReg(Reg.RAX, 2, ((high & 0xFF) << 8) | (low & 0xFF));
            } else {
                c.setReg(Reg.RAX, size, low);
                c.setReg(Reg.RDX, size, high);
            }
        }
    }

    /** One-operand mul/imul: rDX:rAX (AX for bytes) = rAX * src. */
    static final class Widening extends OnAccumulator {
        Widening(int length, Src src, int size, boolean signed) { super(length, src, size, signed); }

        @Override public void exec(Cpu c) {
            long b = src.get(c), a = c.r[Reg.RAX] & mask, lo, hi;
            boolean overflow;
            if (size == 8) {
                lo = a * b;
                hi = signed ? Math.multiplyHigh(a, b) : unsignedMultiplyHigh(a, b);
                overflow = signed ? hi != (lo >> 63) : hi != 0;
            } else if (signed) {
                long p = Flags.signExtend(a, size) * Flags.signExtend(b, size);
                lo = p & mask;
                hi = (p >> bits) & mask;
                overflow = Flags.signExtend(lo, size) != p;
            } else {
                long p = a * b;
                lo = p & mask;
                hi = p >>> bits;
                overflow = hi != 0;
            }
            writePair(c, lo, hi);
            flags(c, overflow, lo, size);
        }
    }

    /** Two- and three-operand imul: dst = a * b truncated to the operand size. */
    static final class Truncating extends Op {
        private final Gpr dst;
        private final Src a, b;

        Truncating(int length, Gpr dst, Src a, Src b) {
            super(length);
            this.dst = dst;
            this.a = a;
            this.b = b;
        }

        @Override public void exec(Cpu c) {
            int size = dst.size;
            long x = Flags.signExtend(a.get(c), size), y = Flags.signExtend(b.get(c), size);
            long p = x * y, lo = p & dst.mask;
            boolean overflow = size == 8 ? Math.multiplyHigh(x, y) != (p >> 63) : Flags.signExtend(lo, size) != p;
            dst.set(c, lo);
            flags(c, overflow, lo, size);
        }
    }

    /** div/idiv: quotient to rAX (AL), remainder to rDX (AH). */
    static final class Divide extends OnAccumulator {
        Divide(int length, Src src, int size, boolean signed) { super(length, src, size, signed); }

        @Override public void exec(Cpu c) {
            long d = src.get(c);
            if (d == 0) throw GuestFault.of(Vector.DE, (signed ? "idiv" : "div") + " by zero");
            long lo = c.r[Reg.RAX], hi = size == 1 ? lo >>> 8 : c.r[Reg.RDX];
            long q, r;
            if (size == 8) {
                q = signed ? Divide128.quotientSigned(hi, lo, d) : Divide128.quotientUnsigned(hi, lo, d);
                r = lo - q * d;
            } else {
                long dividend = ((hi & mask) << bits) | (lo & mask);
                if (signed) {
                    dividend = Flags.signExtend(dividend, size * 2);
                    long dv = Flags.signExtend(d, size);
                    q = dividend / dv;
                    r = dividend % dv;
                    if (q != Flags.signExtend(q & mask, size)) throw overflow();
                } else {
                    q = Long.divideUnsigned(dividend, d);
                    r = Long.remainderUnsigned(dividend, d);
                    if ((q & ~mask) != 0) throw overflow();
                }
            }
            writePair(c, q, r);
        }

        private GuestFault overflow() {
            return GuestFault.of(Vector.DE, (signed ? "idiv" : "div") + " quotient does not fit " + bits + " bits");
        }
    }
}
