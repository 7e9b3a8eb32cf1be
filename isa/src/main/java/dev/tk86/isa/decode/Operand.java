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
     * does not access it (lea, invlpg, the 0F 1F nop) and 10 for the lgdt/lidt pseudo-descriptor.
     * {@code seg} is the segment override prefix (a {@link SReg} number) or {@link #NONE}. In
     * 64-bit mode only FS and GS have a base; ES, CS, SS and DS overrides are kept because
     * disassemblers print them, and the semantics treat them like {@link #NONE}. An FS/GS
     * override is never replaced by a later ES/CS/SS/DS one. The destination of movs/stos is
     * always ES and has {@code seg} {@link #NONE}.
     * {@code base}/{@code index} are GPR numbers, {@link #RIP}, or {@link #NONE}; {@code scale}
     * is 1, 2, 4 or 8, and 1 when there is no index. {@code disp} is the displacement
     * sign-extended to 64 bits, except for the absolute address of mov A0..A3 (moffs), which is
     * taken zero-extended. {@code dispSize} is how many displacement bytes the encoding had
     * (0, 1, 4, or 8 for a 64-bit moffs). With {@code addrSize} 4 (a 67 prefix) the registers
     * are their 32-bit halves and the effective address is truncated to 32 bits; {@code base}
     * {@link #RIP} then means EIP.
     */
    record Mem(int size, int seg, int base, int index, int scale, long disp, int dispSize, int addrSize)
            implements Operand { }

    /**
     * An immediate. {@code size} is how many bytes the encoding had (1, 2, 4 or 8; the implicit
     * count of the shift-by-one forms D0/D1 is {@code Imm(1, 0)}). {@code value} is already extended
     * the way the instruction consumes it, as a 64-bit value: sign-extended for arithmetic,
     * logic, mov, push, imul and test immediates (so {@code 83 c0 ff} "add $-1, %eax" and
     * {@code 05 ff ff ff ff} "add $0xffffffff, %eax" both carry -1; the semantics mask to the
     * operand size), zero-extended where the SDM reads the immediate as unsigned: shift and
     * rotate counts, bt offsets, int vectors, in/out ports and the ret imm16.
     */
    record Imm(long value, int size) implements Operand { }

    /** A relative branch target: {@code disp} (sign-extended, {@code size} encoded bytes) from the end of the instruction. */
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
