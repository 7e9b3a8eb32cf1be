package dev.tk86.isa.decode;

import static dev.tk86.isa.decode.Mnemonic.*;

import dev.tk86.isa.cpu.CpuVendor;

/**
 * The one-byte opcode map (SDM Vol. 2D, Table A-2) restricted to the subset. Operand order is
 * Intel's: destination first. Notation in comments is the SDM's (Eb/Ev = ModRM.rm, Gb/Gv =
 * ModRM.reg, Ib/Iz = immediate).
 */
final class OneByteMap {
    private OneByteMap() { }

    /** Opcodes 00..3F in groups of eight, and the /reg of group 1 (80..83). */
    static final Mnemonic[] ALU = {ADD, OR, ADC, SBB, AND, SUB, XOR, CMP};
    /** Group 2 (C0, C1, D0..D3) by /reg; null = not in the subset (rcl, rcr, sal /6). */
    private static final Mnemonic[] SHIFT = {ROL, ROR, null, null, SHL, SHR, null, SAR};
    private static final String[] SHIFT_NAMES = {"rol", "ror", "rcl", "rcr", "shl", "shr", "sal (the /6 alias of shl)", "sar"};
    /** Group 3 (F6, F7) by /reg; /0 and /1 are both test (SDM lists /1 as reserved, CPUs run it as test). */
    private static final Mnemonic[] UNARY = {TEST, TEST, NOT, NEG, MUL, IMUL, DIV, IDIV};

    static Insn decode(Cursor c, int op) {
        if (op < 0x40 && (op & 7) < 6) return alu(c, ALU[op >> 3], op & 7);
        switch (op) {
            case 0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57:
                return c.insn(PUSH, c.opSize64(), c.opcodeReg(op, c.opSize64()));
            case 0x58, 0x59, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x5F:
                return c.insn(POP, c.opSize64(), c.opcodeReg(op, c.opSize64()));
            case 0x63: { // movsxd Gv, Ed: only REX.W makes it sign-extend; otherwise a plain move
                // With 66, Intel reads a word (SDM: MOVSXD r16, r/m16); AMD still reads a
                // doubleword and keeps its low word (the host CPU faults on the page end a
                // 16-bit read would not reach).
                int s = c.opSize();
                int src = s == 8 || (s == 2 && c.vendor == CpuVendor.AMD) ? 4 : s;
                return c.regFromRm(MOVSXD, -1, s, src);
            }
            case 0x68: {
                int s = c.opSize64();
                int n = s == 2 ? 2 : 4;
                return c.insn(PUSH, s, new Operand.Imm(c.signed(n), n));
            }
            case 0x6A: return c.insn(PUSH, c.opSize64(), new Operand.Imm(c.signed(1), 1));
            case 0x69, 0x6B: {
                int s = c.opSize();
                c.readModRm();
                Operand dst = c.reg(s);
                Operand src = c.rm(s);
                int n = op == 0x6B ? 1 : Math.min(s, 4);
                return c.insn(IMUL, s, dst, src, new Operand.Imm(c.signed(n), n));
            }
            case 0x80, 0x81, 0x83: {
                int s = op == 0x80 ? 1 : c.opSize();
                c.readModRm();
                Operand dst = c.rm(s);
                int n = op == 0x81 ? Math.min(s, 4) : 1;
                return c.insn(ALU[c.regField()], s, dst, new Operand.Imm(c.signed(n), n));
            }
            case 0x84, 0x85: return modrmPair(c, TEST, op, false);
            case 0x86, 0x87: return modrmPair(c, XCHG, op, false);
            case 0x88, 0x89, 0x8A, 0x8B: return modrmPair(c, MOV, op, (op & 2) != 0);
            case 0x8C, 0x8E: return SegmentMoves.decode(c, op);
            case 0x8D: {
                int s = c.opSize();
                c.readModRm();
                Operand dst = c.reg(s);
                return c.insn(LEA, s, dst, c.mem(0, "lea"));
            }
            case 0x8F: {
                c.readModRm();
                if (c.regField() != 0) throw c.undefined("opcode 8f /" + c.regField() + " (XOP space)");
                int s = c.opSize64();
                return c.insn(POP, s, c.rm(s));
            }
            case 0x90: return nopOrXchg(c);
            case 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97: {
                int s = c.opSize();
                return c.insn(XCHG, s, c.gpr(0, s), c.opcodeReg(op, s));
            }
            case 0x98: return c.insn(c.rexW() ? CDQE : c.opSize() == 2 ? CBW : CWDE, c.opSize());
            case 0x99: return c.insn(c.rexW() ? CQO : c.opSize() == 2 ? CWD : CDQ, c.opSize());
            case 0x9C: return c.insn(PUSHFQ, c.opSize64());
            case 0x9D: return c.insn(POPFQ, c.opSize64());
            case 0xA0, 0xA1: {
                int s = op == 0xA0 ? 1 : c.opSize();
                return c.insn(MOV, s, c.gpr(0, s), ModRm.moffs(c, s));
            }
            case 0xA2, 0xA3: {
                int s = op == 0xA2 ? 1 : c.opSize();
                Operand dst = ModRm.moffs(c, s);
                return c.insn(MOV, s, dst, c.gpr(0, s));
            }
            case 0xA4, 0xA5: {
                // The destination is always es:[rdi] (no override possible; ES has base 0 in
                // 64-bit mode), the source [rsi] takes the segment override.
                int s = op == 0xA4 ? 1 : c.opSize();
                return c.insn(MOVS, s, ModRm.string(c, s, 7, Operand.NONE), ModRm.string(c, s, 6, c.seg));
            }
            case 0xA8, 0xA9: return alu(c, TEST, op - 0xA8 + 4);
            case 0xAA, 0xAB: {
                int s = op == 0xAA ? 1 : c.opSize();
                return c.insn(STOS, s, ModRm.string(c, s, 7, Operand.NONE), c.gpr(0, s));
            }
            case 0xB0, 0xB1, 0xB2, 0xB3, 0xB4, 0xB5, 0xB6, 0xB7:
                return c.insn(MOV, 1, c.opcodeReg(op, 1), new Operand.Imm(c.signed(1), 1));
            case 0xB8, 0xB9, 0xBA, 0xBB, 0xBC, 0xBD, 0xBE, 0xBF: {
                int s = c.opSize();
                Operand dst = c.opcodeReg(op, s);
                return c.insn(MOV, s, dst, new Operand.Imm(c.signed(s), s)); // s == 8: movabs imm64
            }
            case 0xC0, 0xC1, 0xD0, 0xD1, 0xD2, 0xD3: return shift(c, op);
            case 0xC2: return c.insn(RET, c.branchSize(), new Operand.Imm(c.unsigned(2), 2));
            case 0xC3: return c.insn(RET, c.branchSize());
            case 0xC6, 0xC7: {
                int s = op == 0xC6 ? 1 : c.opSize();
                c.readModRm();
                if (c.regField() != 0) {
                    if (c.modrm == 0xF8) throw c.outside(op == 0xC6 ? "xabort" : "xbegin");
                    throw c.undefined(String.format("opcode %02x /%d", op, c.regField()));
                }
                Operand dst = c.rm(s);
                int n = Math.min(s, 4);
                return c.insn(MOV, s, dst, new Operand.Imm(c.signed(n), n));
            }
            case 0xCC: return c.insn(INT3, 8);
            case 0xCD: return c.insn(INT, 8, new Operand.Imm(c.unsigned(1), 1));
            case 0xCF:
                if (!c.rexW()) throw c.outside(c.opSize() == 2 ? "iretw" : "iretl (32-bit iret; the subset has iretq)");
                return c.insn(IRETQ, 8);
            case 0xE4, 0xE5: {
                int s = portSize(c, op);
                return c.insn(IN, s, c.gpr(0, s), new Operand.Imm(c.unsigned(1), 1));
            }
            case 0xE6, 0xE7: {
                int s = portSize(c, op);
                return c.insn(OUT, s, new Operand.Imm(c.unsigned(1), 1), c.gpr(0, s));
            }
            case 0xEC, 0xED: {
                int s = portSize(c, op);
                return c.insn(IN, s, c.gpr(0, s), Operands.DX);
            }
            case 0xEE, 0xEF: {
                int s = portSize(c, op);
                return c.insn(OUT, s, Operands.DX, c.gpr(0, s));
            }
            // Near branches: with 66 Intel takes rel32 and a 64-bit RIP all the same, AMD takes
            // rel16 and truncates RIP to 16 bits (Cursor.branchSize).
            case 0xE8, 0xE9: {
                int s = c.branchSize(), n = s == 2 ? 2 : 4;
                return c.insn(op == 0xE8 ? CALL : JMP, s, new Operand.Rel(c.signed(n), n));
            }
            case 0xEB: return c.insn(JMP, c.branchSize(), new Operand.Rel(c.signed(1), 1));
            case 0xF4: return c.insn(HLT, c.opSize());
            case 0xF6, 0xF7: return unary(c, op);
            case 0xFA: return c.insn(CLI, c.opSize());
            case 0xFB: return c.insn(STI, c.opSize());
            case 0xFE, 0xFF: return group45(c, op);
            default:
                if (op >= 0x70 && op <= 0x7F) return c.insn(JCC, op & 15, c.branchSize(), new Operand.Rel(c.signed(1), 1));
                throw Unsupported.oneByte(c, op);
        }
    }

    /** The six forms of each ALU opcode row: Eb,Gb Ev,Gv Gb,Eb Gv,Ev AL,Ib rAX,Iz. */
    private static Insn alu(Cursor c, Mnemonic m, int form) {
        if (form < 4) return modrmPair(c, m, form, (form & 2) != 0);
        int s = form == 4 ? 1 : c.opSize();
        int n = Math.min(s, 4);
        return c.insn(m, s, c.gpr(0, s), new Operand.Imm(c.signed(n), n));
    }

    /** An Eb,Gb / Ev,Gv pair (bit 0 of the opcode selects byte or full size), either direction. */
    private static Insn modrmPair(Cursor c, Mnemonic m, int op, boolean regIsDestination) {
        int s = (op & 1) == 0 ? 1 : c.opSize();
        return regIsDestination ? c.regFromRm(m, -1, s, s) : c.rmFromReg(m, s);
    }

    /**
     * 90 is nop; with REX.B it is xchg r8, rax; with F3 (the last of F2/F3) it is pause. F3
     * REX.B 90 is pause on Intel (the SDM's F3 90 encoding, whatever the REX) and xchg r8, rax
     * on AMD, which lets REX.B win (the host AMD CPU swaps the registers).
     */
    private static Insn nopOrXchg(Cursor c) {
        int s = c.opSize();
        if (c.has(Insn.PREFIX_REP) && (c.rexB() == 0 || c.vendor == CpuVendor.INTEL)) return c.insn(PAUSE, s);
        if (c.rexB() != 0) return c.insn(XCHG, s, c.gpr(0, s), c.opcodeReg(0x90, s));
        return c.insn(NOP, s);
    }

    private static Insn shift(Cursor c, int op) {
        int s = (op & 1) == 0 ? 1 : c.opSize();
        c.readModRm();
        Mnemonic m = SHIFT[c.regField()];
        if (m == null) throw c.outside(SHIFT_NAMES[c.regField()]);
        Operand dst = c.rm(s);
        Operand count = op <= 0xC1 ? new Operand.Imm(c.unsigned(1), 1) : op <= 0xD1 ? Operands.ONE : Operands.CL;
        return c.insn(m, s, dst, count);
    }

    private static Insn unary(Cursor c, int op) {
        int s = op == 0xF6 ? 1 : c.opSize();
        c.readModRm();
        Mnemonic m = UNARY[c.regField()];
        Operand dst = c.rm(s);
        if (m != TEST) return c.insn(m, s, dst);
        int n = Math.min(s, 4);
        return c.insn(TEST, s, dst, new Operand.Imm(c.signed(n), n));
    }

    /** FE: inc/dec Eb. FF: inc/dec Ev, call/jmp Ev (64-bit, or 16 with 66 on AMD), push Ev, far call/jmp. */
    private static Insn group45(Cursor c, int op) {
        c.readModRm();
        int r = c.regField();
        if (op == 0xFE && r > 1) throw c.undefined("opcode fe /" + r);
        int s = op == 0xFE ? 1 : c.opSize();
        switch (r) {
            case 0: return c.insn(INC, s, c.rm(s));
            case 1: return c.insn(DEC, s, c.rm(s));
            case 2, 4: {
                int b = c.branchSize();
                return c.insn(r == 2 ? CALL : JMP, b, c.rm(b));
            }
            case 6: return c.insn(PUSH, c.opSize64(), c.rm(c.opSize64()));
            case 3, 5:
                if (c.isRegisterForm()) throw c.undefined("far " + (r == 3 ? "call" : "jmp") + " with a register operand");
                throw c.outside(r == 3 ? "lcall (far call)" : "ljmp (far jmp)");
            default: throw c.undefined("opcode ff /7");
        }
    }

    /** in/out move a byte, or 16/32 bits; REX.W does not make them 64-bit. */
    private static int portSize(Cursor c, int op) {
        if ((op & 1) == 0) return 1;
        return c.has(Insn.PREFIX_OPSIZE) ? 2 : 4;
    }
}
