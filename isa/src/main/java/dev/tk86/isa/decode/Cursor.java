package dev.tk86.isa.decode;

import dev.tk86.isa.cpu.CpuVendor;
import java.util.List;

/**
 * The state of one decode: the bytes read so far, the prefixes in effect and the ModRM byte.
 * One cursor per instruction; it never outlives {@link Decoder#decode}.
 */
final class Cursor {
    /** SDM Vol. 2A 2.3.11: an instruction is at most 15 bytes long, prefixes included. */
    static final int MAX_LENGTH = 15;

    private final ByteSource src;
    private int pos;
    /** Whose rules decide the encodings Intel and AMD read differently. */
    final CpuVendor vendor;

    /** {@link Insn}{@code .PREFIX_*} bits of the prefixes in effect. */
    int prefixes;
    /** The REX byte in effect (0x40..0x4F), or 0: a REX followed by a legacy prefix is ignored. */
    int rex;
    /** The segment override in effect ({@link Operand.SReg} number) or {@link Operand#NONE}. */
    int seg = Operand.NONE;
    /** Both F2 and F3 were present (only the last one is in {@link #prefixes}). */
    boolean bothRepeats;
    /** The ModRM byte once read, else -1. */
    int modrm = -1;

    Cursor(ByteSource src, CpuVendor vendor) { this.src = src; this.vendor = vendor; }

    /** The next byte; reading a 16th byte is #GP, not a fetch. */
    int next() {
        if (pos >= MAX_LENGTH) {
            throw new DecodeException(DecodeException.Kind.TOO_LONG, pos,
                    "instruction longer than 15 bytes");
        }
        return src.byteAt(pos++);
    }

    int length() { return pos; }

    /** A little-endian immediate or displacement of {@code size} bytes, sign-extended. */
    long signed(int size) {
        long v = 0;
        for (int i = 0; i < size; i++) v |= (long) next() << (8 * i);
        int shift = 64 - 8 * size;
        return v << shift >> shift;
    }

    /** A little-endian immediate of {@code size} bytes, zero-extended. */
    long unsigned(int size) {
        long v = 0;
        for (int i = 0; i < size; i++) v |= (long) next() << (8 * i);
        return v;
    }

    boolean has(int prefix) { return (prefixes & prefix) != 0; }

    boolean rexW() { return (rex & 8) != 0; }
    int rexR() { return (rex >> 2) & 1; }
    int rexX() { return (rex >> 1) & 1; }
    int rexB() { return rex & 1; }

    /** Operand size of most instructions: REX.W beats 66 (SDM 2.2.1.2, Table 2-4). */
    int opSize() { return rexW() ? 8 : has(Insn.PREFIX_OPSIZE) ? 2 : 4; }

    /** Operand size of push/pop and friends, which default to 64 bits and cannot be 32. */
    int opSize64() { return !rexW() && has(Insn.PREFIX_OPSIZE) ? 2 : 8; }

    /**
     * Operand size of near branches (call, jmp, jcc, ret): 64 bits on Intel, which ignores 66
     * (SDM Vol. 2A, CALL/JMP/RET "64-bit mode"); 16 bits with 66 and no REX.W on AMD (APM Vol. 3,
     * "Near branches in 64-bit mode"), as this project's AMD host runs them.
     */
    int branchSize() { return vendor == CpuVendor.AMD && !rexW() && has(Insn.PREFIX_OPSIZE) ? 2 : 8; }

    int addrSize() { return has(Insn.PREFIX_ADDRSIZE) ? 4 : 8; }

    /** Reads the ModRM byte. */
    void readModRm() { modrm = next(); }

    int mod() { return modrm >> 6; }
    int regField() { return (modrm >> 3) & 7; }
    boolean isRegisterForm() { return mod() == 3; }

    /** A general-purpose register honouring the no-REX byte-register rule (ah..bh). */
    Operand.Reg gpr(int num, int size) { return Operands.reg(size == 1 && rex == 0 && num >= 4 && num < 8 ? Operand.Reg.AH + num - 4 : num, size); }

    /** The register named by ModRM.reg (+REX.R). */
    Operand.Reg reg(int size) { return gpr(regField() | rexR() << 3, size); }

    /** The register named by the low opcode bits (+REX.B), as in push r / mov r, imm. */
    Operand.Reg opcodeReg(int opcode, int size) { return gpr((opcode & 7) | rexB() << 3, size); }

    /** The ModRM.rm operand: a register (+REX.B) or memory of {@code size} bytes. */
    Operand rm(int size) { return isRegisterForm() ? gpr((modrm & 7) | rexB() << 3, size) : ModRm.memory(this, size); }

    /** The ModRM.rm operand of an instruction that only has a memory form. */
    Operand.Mem mem(int size, String what) {
        if (isRegisterForm()) throw undefined(what + " with a register operand");
        return ModRm.memory(this, size);
    }

    /** Gv,Ev: reads ModRM; the destination is ModRM.reg ({@code size}), the source ModRM.rm ({@code srcSize}). */
    Insn regFromRm(Mnemonic m, int cond, int size, int srcSize) {
        readModRm();
        Operand dst = reg(size);
        return insn(m, cond, size, dst, rm(srcSize));
    }

    /** Ev,Gv: reads ModRM; the destination is ModRM.rm, the source ModRM.reg, both {@code size}. */
    Insn rmFromReg(Mnemonic m, int size) {
        readModRm();
        Operand src = reg(size);
        return insn(m, size, rm(size), src);
    }

    Insn insn(Mnemonic m, int opSize, Operand... operands) { return insn(m, -1, opSize, operands); }

    Insn insn(Mnemonic m, int cond, int opSize, Operand... operands) {
        if (has(Insn.PREFIX_LOCK)) LockRule.check(this, m, operands);
        return new Insn(m, cond, pos, opSize, addrSize(), prefixes, List.of(operands));
    }

    DecodeException undefined(String what) {
        return new DecodeException(DecodeException.Kind.UNDEFINED, pos, what + " is undefined in 64-bit mode");
    }

    DecodeException outside(String name) {
        return new DecodeException(DecodeException.Kind.OUTSIDE_SUBSET, pos, name + " is outside the tk86 subset");
    }
}
