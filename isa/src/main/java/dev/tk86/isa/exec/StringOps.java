package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * movs and stos of bytes, words, doublewords and quadwords, with or without rep (SDM Vol. 2B,
 * MOVS, STOS, REP). RSI/RDI move by the element size, down when DF is set; with a 67 prefix
 * ESI, EDI and ECX are used and written as 32-bit registers. Only the source of movs takes a
 * segment override (FS/GS); the destination is always ES, whose base is 0 in 64-bit mode.
 * F2 (repne) repeats these two like F3, as the processor does.
 *
 * <p>Registers are written back after every element, so a fault in the middle leaves RCX, RSI
 * and RDI describing the elements still to do, and the instruction restarts where it stopped
 * (SDM Vol. 2B, REP: "the registers are updated to reflect the progress"). A long rep runs in
 * chunks of {@link #CHUNK} elements, one step each, as an interrupted rep would: a runaway
 * RCX cannot hang the machine and interrupts and the step limit are seen in between.
 */
final class StringOps {
    private StringOps() { }

    static final long CHUNK = 1 << 16;

    static Op bind(Insn insn) {
        boolean rep = insn.has(Insn.PREFIX_REP) || insn.has(Insn.PREFIX_REPNE);
        boolean addr32 = insn.addrSize() == 4;
        int seg = -1;
        for (int i = 1; i < insn.operands().size(); i++)
            if (insn.operand(i) instanceof Operand.Mem m) seg = m.seg();
        return switch (insn.mnemonic()) {
            case MOVS -> new Movs(insn.length(), insn.opSize(), rep, addr32, seg);
            default -> new Stos(insn.length(), insn.opSize(), rep, addr32);
        };
    }

    /** What the two instructions share: the count and direction bookkeeping. */
    abstract static class StringOp extends Op {
        final int size;
        final boolean rep;
        final long addrMask;

        StringOp(int length, int size, boolean rep, boolean addr32) {
            super(length);
            this.size = size;
            this.rep = rep;
            this.addrMask = addr32 ? 0xFFFF_FFFFL : -1L;
        }

        /** A rep moves RIP back onto itself while elements remain: it ends a hot block. */
        @Override boolean endsBlock() { return rep; }

        long step(Cpu c) { return c.df() ? -size : size; }

        /** Elements to do in this step; 0 for a rep with RCX = 0, which does nothing at all. */
        long count(Cpu c) {
            if (!rep) return 1;
            long cx = c.r[Reg.RCX] & addrMask;
            return Long.compareUnsigned(cx, CHUNK) < 0 ? cx : CHUNK;
        }

        /**
         * A rep with nothing to do: with a 67 prefix, an Intel processor still writes RCX, RDI
         * (and RSI for movs) at the address size, so they lose their upper halves; an AMD
         * processor leaves them whole. Neither manual says; each was observed on a host CPU of
         * that vendor by the differential test (docs/isa.md, "Vendor rules").
         */
        void noElements(Cpu c, boolean usesRsi) {
            if (addrMask == -1L || c.vendor == CpuVendor.AMD) return;
            c.r[Reg.RCX] &= addrMask;
            c.r[Reg.RDI] &= addrMask;
            if (usesRsi) c.r[Reg.RSI] &= addrMask;
        }

        /** After a chunk: if elements remain, execute this instruction again. */
        void finish(Cpu c) {
            if (rep && (c.r[Reg.RCX] & addrMask) != 0) c.rip -= length;
        }
    }

    static final class Movs extends StringOp {
        private final int seg;

        Movs(int length, int size, boolean rep, boolean addr32, int seg) { super(length, size, rep, addr32); this.seg = seg; }

        @Override public void exec(Cpu c) {
            long n = count(c);
            if (n == 0) { noElements(c, true); return; }
            long[] r = c.r;
            long step = step(c), segBase = seg == Operand.SReg.FS ? c.fsBase : seg == Operand.SReg.GS ? c.gsBase : 0;
            long si = r[Reg.RSI] & addrMask, di = r[Reg.RDI] & addrMask, cx = r[Reg.RCX] & addrMask;
            try {
                for (long i = 0; i < n; i++) {
                    c.write(di, size, c.read(segBase + si, size));
                    si = (si + step) & addrMask;
                    di = (di + step) & addrMask;
                    cx = (cx - 1) & addrMask;
                }
            } finally {
                r[Reg.RSI] = si;
                r[Reg.RDI] = di;
                if (rep) r[Reg.RCX] = cx;
            }
            finish(c);
        }
    }

    static final class Stos extends StringOp {
        Stos(int length, int size, boolean rep, boolean addr32) { super(length, size, rep, addr32); }

        @Override public void exec(Cpu c) {
            long n = count(c);
            if (n == 0) { noElements(c, false); return; }
            long[] r = c.r;
            long step = step(c), v = r[Reg.RAX];
            long di = r[Reg.RDI] & addrMask, cx = r[Reg.RCX] & addrMask;
            try {
                for (long i = 0; i < n; i++) {
                    c.write(di, size, v);
                    di = (di + step) & addrMask;
                    cx = (cx - 1) & addrMask;
                }
            } finally {
                r[Reg.RDI] = di;
                if (rep) r[Reg.RCX] = cx;
            }
            finish(c);
        }
    }
}
