package dev.tk86.isa.decode;

import java.util.Locale;

/**
 * AT&T mnemonics as Capstone 4.0.2 spells them: a size suffix (b, w, l, q) from the operand
 * size on most integer instructions, none on jumps and setcc, and GNU's names for the
 * conversions (cltq, cqto, ...).
 */
final class AttMnemonics {
    private AttMnemonics() { }

    /** Condition codes by SDM tttn value. */
    static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};

    static String suffix(int size) {
        return switch (size) {
            case 1 -> "b";
            case 2 -> "w";
            case 4 -> "l";
            default -> "q";
        };
    }

    static String of(Insn i) {
        int s = i.opSize();
        String name = i.mnemonic().name().toLowerCase(Locale.ROOT);
        return switch (i.mnemonic()) {
            case JCC -> "j" + CC[i.cond()];
            case SETCC -> "set" + CC[i.cond()];
            case CMOVCC -> "cmov" + CC[i.cond()] + suffix(s);
            // 16-bit near branches exist only with AMD's rules (66 without REX.W): callw, jmpw, retw
            case JMP -> i.operand(0) instanceof Operand.Rel ? "jmp" : s == 2 ? "jmpw" : "jmpq";
            case CALL, RET -> name + (s == 2 ? "w" : "q");
            case MOV -> mov(i);
            case MOVZX, MOVSX -> extension(i);
            case MOVSXD -> s == 8 ? "movslq" : "movsxd";
            case CBW -> "cbtw";
            case CWDE -> "cwtl";
            case CDQE -> "cltq";
            case CWD -> "cwtd";
            case CDQ -> "cltd";
            case CQO -> "cqto";
            case PUSHFQ, POPFQ -> name.substring(0, name.length() - 1) + suffix(s);
            case LGDT, LIDT -> name + "q";
            case NOP -> nop(i);
            // Capstone quirk: the 32-bit rotate-left-by-one of a register prints without its suffix
            case ROL -> s == 4 && i.operand(0) instanceof Operand.Reg && i.operand(1) instanceof Operand.Imm count
                    && count.size() == 0 ? "rol" : "rol" + suffix(s);
            case INT3, INT, IRETQ, INVLPG, CLI, STI, HLT, SWAPGS, RDMSR, WRMSR, RDTSC, CPUID,
                 PAUSE, ENDBR64, LFENCE, MFENCE, SFENCE, UD2 -> name;
            default -> name + suffix(s);
        };
    }

    /** 0F 1F is nopl, REX.W included, and nopw with a 66 prefix, even when REX.W overrides it. */
    private static String nop(Insn i) {
        if (i.operands().isEmpty()) return "nop";
        return i.has(Insn.PREFIX_OPSIZE) ? "nopw" : "nopl";
    }

    /**
     * mov spellings: control-register moves are always movq; segment-register moves take the
     * operand size, but REX.W shows as q even on the (16-bit) memory form; a 64-bit immediate
     * or a 64-bit absolute address (moffs) makes it movabs.
     */
    private static String mov(Insn i) {
        Operand dst = i.operand(0);
        Operand src = i.operand(1);
        if (dst instanceof Operand.Cr || src instanceof Operand.Cr) return "movq";
        if (dst instanceof Operand.SReg || src instanceof Operand.SReg) return "mov" + suffix(i.has(Insn.PREFIX_REX_W) ? 8 : i.opSize());
        if (src instanceof Operand.Imm imm && imm.size() == 8) return "movabsq";
        if (isMoffs64(dst) || isMoffs64(src)) return "movabs" + suffix(i.opSize());
        return "mov" + suffix(i.opSize());
    }

    private static boolean isMoffs64(Operand o) {
        return o instanceof Operand.Mem m && m.dispSize() == 8;
    }

    /**
     * movzx/movsx: source and destination suffixes (movzbl, movswq). Capstone quirk: with a
     * 16-bit source and a 16-bit destination the second suffix is still l (movzwl %ax, %ax).
     */
    private static String extension(Insn i) {
        int from = size(i.operand(1));
        int to = i.opSize();
        String base = i.mnemonic() == Mnemonic.MOVZX ? "movz" : "movs";
        return base + suffix(from) + suffix(from == 2 && to == 2 ? 4 : to);
    }

    static int size(Operand o) {
        if (o instanceof Operand.Reg r) return r.size();
        if (o instanceof Operand.Mem m) return m.size();
        throw new IllegalArgumentException("no size: " + o);
    }
}
