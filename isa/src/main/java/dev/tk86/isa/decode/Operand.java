package dev.tk86.isa.decode;

/**
 * One operand of a decoded instruction, in Intel order (destination first). Sizes are in
 * bytes. These are plain values for the formatter, the tests and the binder; the hot path
 * never looks at them again once an instruction is bound to its semantics.
 */
public sealed interface Operand {

    /** Register numbers used by {@link Mem#base()} for RIP-relative addressing. */
    int RIP = 16;
    /** No base or index register. */
    int NONE = -1;

    /**
     * A general-purpose register. {@code num} is 0..15 (rax..r15). For byte registers without
     * a REX prefix, 4..7 mean ah, ch, dh, bh and are encoded as {@link #AH}..{@link #AH}+3;
     * with REX, 4..7 are spl, bpl, sil, dil.
     */
    record Reg(int num, int size) implements Operand {
        public static final int AH = 20;
        public boolean isHighByte() { return num >= AH; }
    }

    /**
     * A memory operand. {@code size} is the access size in bytes, 0 where the instruction
     * only computes the address (lea, invlpg) and 10 for the lgdt/lidt pseudo-descriptor.
     * {@code seg} is the segment override (a {@link SReg} number) or {@link #NONE};
     * {@code base}/{@code index} are GPR numbers, {@link #RIP}, or {@link #NONE}.
     * {@code disp} is sign-extended; {@code dispSize} is how many displacement bytes the
     * encoding had (0, 1, 4, or 8 for a moffs).
     */
    record Mem(int size, int seg, int base, int index, int scale, long disp, int dispSize, int addrSize)
            implements Operand { }

    /** An immediate, already extended the way the instruction consumes it. */
    record Imm(long value, int size) implements Operand { }

    /** A relative branch target: {@code disp} from the end of the instruction. */
    record Rel(long disp, int size) implements Operand {
        public long target(long insnAddress, int insnLength) { return insnAddress + insnLength + disp; }
    }

    /** A control register cr0..cr15 (only 0, 2, 3, 4 are in the subset). */
    record Cr(int num) implements Operand { }

    /** A segment register: 0 es, 1 cs, 2 ss, 3 ds, 4 fs, 5 gs. */
    record SReg(int num) implements Operand {
        public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;
    }
}
