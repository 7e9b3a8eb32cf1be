package dev.tk86.isa.decode;

import java.util.List;

/**
 * AT&T text of a decoded instruction, exactly as Capstone 4.0.2 prints it (the differential
 * test holds it to that): operands in reverse Intel order separated by ", ", registers with %,
 * immediates with $, memory as {@code seg:disp(base, index, scale)}, branch targets absolute.
 */
public final class AttFormatter {
    private AttFormatter() { }

    /** The two halves the command line prints separately. */
    public record Text(String mnemonic, String operands) {
        @Override public String toString() { return operands.isEmpty() ? mnemonic : mnemonic + " " + operands; }
    }

    public static String format(Insn insn, long address) { return split(insn, address).toString(); }

    public static Text split(Insn insn, long address) {
        return new Text(prefixWords(insn) + AttMnemonics.of(insn), operands(insn, address));
    }

    /**
     * The prefixes Capstone spells out: lock; rep/repne on string instructions; bnd (F2) on
     * near branches (Capstone quirk: not on jcc rel32); xacquire (F2) / xrelease (F3) on locked
     * instructions and on xchg with memory, where they are the HLE hints.
     */
    private static String prefixWords(Insn i) {
        Mnemonic m = i.mnemonic();
        boolean f2 = i.has(Insn.PREFIX_REPNE);
        boolean f3 = i.has(Insn.PREFIX_REP);
        if (m == Mnemonic.MOVS || m == Mnemonic.STOS) return f3 ? "rep " : f2 ? "repne " : "";
        if (m == Mnemonic.JCC) return f2 && i.operand(0) instanceof Operand.Rel r && r.size() == 1 ? "bnd " : "";
        if (m == Mnemonic.JMP || m == Mnemonic.CALL || m == Mnemonic.RET) return f2 ? "bnd " : "";
        boolean hle = i.has(Insn.PREFIX_LOCK) || m == Mnemonic.XCHG && i.operand(0) instanceof Operand.Mem;
        String hint = !hle ? "" : f2 ? "xacquire " : f3 ? "xrelease " : "";
        return hint + (i.has(Insn.PREFIX_LOCK) ? "lock " : "");
    }

    private static String operands(Insn i, long address) {
        List<Operand> ops = i.operands();
        StringBuilder b = new StringBuilder();
        boolean indirect = (i.mnemonic() == Mnemonic.JMP || i.mnemonic() == Mnemonic.CALL);
        for (int k = ops.size() - 1; k >= 0; k--) {
            if (b.length() > 0) b.append(", ");
            Operand o = ops.get(k);
            if (indirect && !(o instanceof Operand.Rel)) b.append('*');
            operand(b, i, o, address);
        }
        return b.toString();
    }

    private static void operand(StringBuilder b, Insn i, Operand o, long address) {
        if (o instanceof Operand.Reg r) {
            b.append('%').append(AttRegisters.gpr(r.num(), r.size()));
        } else if (o instanceof Operand.Imm imm) {
            b.append('$').append(immediate(i, imm));
        } else if (o instanceof Operand.Mem m) {
            memory(b, m);
        } else if (o instanceof Operand.Rel rel) {
            long target = rel.target(address, i.length());
            // a 16-bit near branch (AMD's rules) lands on IP, the target's low word
            b.append(AttNumbers.unsigned(i.opSize() == 2 ? target & 0xFFFF : target));
        } else if (o instanceof Operand.Cr cr) {
            b.append("%cr").append(cr.num());
        } else if (o instanceof Operand.SReg sreg) {
            b.append('%').append(AttRegisters.SEGMENT[sreg.num()]);
        }
    }

    /**
     * Capstone prints an immediate that fills the operand size as unsigned ($0xffffffff) and
     * one that the instruction sign-extends from fewer bytes as signed ($-1); and, or and xor
     * always unsigned at the operand size; the 64-bit immediate of movabs always in hex.
     */
    private static String immediate(Insn i, Operand.Imm imm) {
        Mnemonic m = i.mnemonic();
        int s = i.opSize();
        if (m == Mnemonic.MOV && imm.size() == 8) return "0x" + Long.toHexString(imm.value());
        if (m == Mnemonic.AND || m == Mnemonic.OR || m == Mnemonic.XOR || imm.size() >= s) {
            return AttNumbers.unsigned(AttNumbers.truncate(imm.value(), s));
        }
        return AttNumbers.signed(imm.value());
    }

    /** {@code %seg:disp(%base, %index, scale)}; without registers the address is printed unsigned. */
    private static void memory(StringBuilder b, Operand.Mem m) {
        if (m.seg() != Operand.NONE) b.append('%').append(AttRegisters.SEGMENT[m.seg()]).append(':');
        if (m.base() == Operand.NONE && m.index() == Operand.NONE) {
            b.append(AttNumbers.unsigned(m.disp()));
            return;
        }
        if (m.disp() != 0) b.append(AttNumbers.signed(m.disp()));
        b.append('(');
        if (m.base() != Operand.NONE) b.append('%').append(AttRegisters.gpr(m.base(), m.addrSize()));
        if (m.index() != Operand.NONE) {
            b.append(", %").append(AttRegisters.gpr(m.index(), m.addrSize()));
            if (m.scale() != 1) b.append(", ").append(m.scale());
        }
        b.append(')');
    }
}
