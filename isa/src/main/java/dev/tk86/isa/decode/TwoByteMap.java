package dev.tk86.isa.decode;

import static dev.tk86.isa.decode.Mnemonic.*;

/** The 0F opcode map (SDM Vol. 2D, Table A-3) restricted to the subset. */
final class TwoByteMap {
    private TwoByteMap() { }

    /** Group 8 (0F BA) by /reg; /0../3 do not exist. */
    private static final Mnemonic[] BIT_TEST = {null, null, null, null, BT, BTS, BTR, BTC};
    /** Group 15 register forms (0F AE /5../7, mod 11). */
    private static final Mnemonic[] FENCE = {LFENCE, MFENCE, SFENCE};

    static Insn decode(Cursor c) {
        int op = c.next();
        switch (op) {
            case 0x01: return group7(c);
            case 0x0B: return c.insn(UD2, c.opSize());
            case 0x1E: return endbr64(c);
            case 0x1F: { // the multi-byte nop, nop Ev (any /reg, register or memory); it never accesses memory
                int s = c.opSize();
                c.readModRm();
                return c.insn(NOP, s, c.rm(c.isRegisterForm() ? s : 0));
            }
            case 0x20, 0x22: return controlRegisterMove(c, op);
            case 0x30: return c.insn(WRMSR, c.opSize());
            case 0x31: return c.insn(RDTSC, c.opSize());
            case 0x32: return c.insn(RDMSR, c.opSize());
            case 0xA2: return c.insn(CPUID, c.opSize());
            case 0xA3: return c.rmFromReg(BT, c.opSize());
            case 0xAB: return c.rmFromReg(BTS, c.opSize());
            case 0xB3: return c.rmFromReg(BTR, c.opSize());
            case 0xBB: return c.rmFromReg(BTC, c.opSize());
            case 0xAE: return fence(c);
            case 0xAF: return c.regFromRm(IMUL, -1, c.opSize(), c.opSize());
            case 0xB0: return c.rmFromReg(CMPXCHG, 1);
            case 0xB1: return c.rmFromReg(CMPXCHG, c.opSize());
            case 0xC0: return c.rmFromReg(XADD, 1);
            case 0xC1: return c.rmFromReg(XADD, c.opSize());
            case 0xB6, 0xB7, 0xBE, 0xBF: return c.regFromRm(op < 0xB8 ? MOVZX : MOVSX, -1, c.opSize(), (op & 1) == 0 ? 1 : 2);
            case 0xBA: {
                int s = c.opSize();
                c.readModRm();
                Mnemonic m = BIT_TEST[c.regField()];
                if (m == null) throw c.undefined("opcode 0f ba /" + c.regField());
                Operand dst = c.rm(s);
                return c.insn(m, s, dst, new Operand.Imm(c.unsigned(1), 1));
            }
            default:
                if (op >= 0x40 && op <= 0x4F) return c.regFromRm(CMOVCC, op & 15, c.opSize(), c.opSize());
                if (op >= 0x80 && op <= 0x8F) {
                    int s = c.branchSize(), n = s == 2 ? 2 : 4;
                    return c.insn(JCC, op & 15, s, new Operand.Rel(c.signed(n), n));
                }
                if (op >= 0x90 && op <= 0x9F) {
                    c.readModRm(); // ModRM.reg is ignored
                    return c.insn(SETCC, op & 15, 1, c.rm(1));
                }
                throw Unsupported.twoByte(c, op);
        }
    }

    /** 0F 01: lgdt, lidt, invlpg (memory forms) and swapgs (F8); the rest is outside. */
    private static Insn group7(Cursor c) {
        c.readModRm();
        int r = c.regField();
        if (c.isRegisterForm()) {
            if (c.modrm == 0xF8) return c.insn(SWAPGS, c.opSize());
            throw Unsupported.group7Register(c);
        }
        return switch (r) {
            case 2 -> c.insn(LGDT, 8, ModRm.memory(c, 10));
            case 3 -> c.insn(LIDT, 8, ModRm.memory(c, 10));
            case 7 -> c.insn(INVLPG, 8, ModRm.memory(c, 0));
            default -> throw c.outside(Unsupported.GROUP7_MEMORY[r]);
        };
    }

    /**
     * F3 0F 1E FA is endbr64, also with a REX prefix between F3 and 0F (f3 42 0f 1e fa): the
     * opcode is in the reserved-NOP hint space, so a CPU without CET runs it as a nop and does
     * not raise #UD (settled on the host CPU; GNU objdump, LLVM and Zydis decode it as
     * endbr64, Capstone 4 does not). The rest of 0F 19..0F 1E is that hint space too, which
     * is outside the subset (GNU as never emits it).
     */
    private static Insn endbr64(Cursor c) {
        c.readModRm();
        if (c.modrm == 0xFA && c.has(Insn.PREFIX_REP) && !c.bothRepeats && !c.has(Insn.PREFIX_OPSIZE)) {
            return c.insn(ENDBR64, c.opSize());
        }
        throw c.outside(c.modrm == 0xFB && c.has(Insn.PREFIX_REP) ? "endbr32" : "the hint nop 0f 1e");
    }

    /**
     * mov to/from cr0, cr2, cr3, cr4 (0F 20 / 0F 22). The mod bits are ignored: the operand is
     * always a 64-bit register (SDM Vol. 2A, MOV Control Registers). cr8 exists but is outside
     * the subset; cr1, cr5..cr7 and cr9..cr15 are #UD.
     */
    private static Insn controlRegisterMove(Cursor c, int op) {
        c.readModRm();
        int cr = c.regField() | c.rexR() << 3;
        if (cr == 8) throw c.outside("mov to/from %cr8");
        if (cr != 0 && cr != 2 && cr != 3 && cr != 4) throw c.undefined("mov to/from %cr" + cr);
        Operand gpr = c.gpr((c.modrm & 7) | c.rexB() << 3, 8);
        Operand.Cr crOp = new Operand.Cr(cr);
        return op == 0x20 ? c.insn(MOV, 8, gpr, crOp) : c.insn(MOV, 8, crOp, gpr);
    }

    /**
     * 0F AE with mod 11 and /5, /6, /7 is lfence, mfence, sfence whatever the rm bits (the
     * host CPU runs all eight encodings of each). With a 66, F2 or F3 prefix these encodings
     * are other instructions (incssp, tpause, umonitor, umwait) or #UD: outside the subset.
     */
    private static Insn fence(Cursor c) {
        c.readModRm();
        int r = c.regField();
        boolean prefixed = c.has(Insn.PREFIX_OPSIZE | Insn.PREFIX_REP | Insn.PREFIX_REPNE);
        if (c.isRegisterForm() && r >= 5 && !prefixed) return c.insn(FENCE[r - 5], c.opSize());
        throw Unsupported.group15(c);
    }
}
