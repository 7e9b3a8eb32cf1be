package dev.tk86.isa.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns iced's GAS text into the spelling of Capstone 4.0.2, which tk86's formatter follows,
 * and compares the result with tk86's text. Each rule below is one way in which the two
 * printers differ for the same instruction; none of them changes what the instruction is.
 */
final class IcedGas {
    private IcedGas() { }

    /** iced formats at this address (0x7FFFFFFFFFFFFFF0: "70 5A" is "jo 0x800000000000004c"). */
    static final long IP = 0x7FFF_FFFF_FFFF_FFF0L;

    private static final Set<String> REGISTERS = registers();

    private static Set<String> registers() {
        Set<String> r = new java.util.HashSet<>(List.of("rip", "eip", "es", "cs", "ss", "ds", "fs", "gs"));
        for (int n = 0; n < 16; n++) {
            for (int size : new int[] {1, 2, 4, 8}) r.add(AttRegisters.gpr(n, size));
            r.add("cr" + n);
            r.add("dr" + n);
        }
        for (int n = 0; n < 4; n++) r.add(AttRegisters.gpr(Operand.Reg.AH + n, 1));
        return Set.copyOf(r);
    }

    /**
     * iced's text for the instruction {@code code} (iced's Code name) as Capstone would print it.
     * {@code ours} is tk86's decoding of the same bytes; it is only consulted to find which
     * operand iced printed RIP-relative (rule 6) and which mnemonic forms Capstone spells its
     * own way (rules 3, 4).
     */
    static String normalise(String iced, String code, Insn ours) {
        String text = iced;
        // 1. iced writes the 67 prefix of a moffs mov as an "addr32" word; Capstone does not.
        text = text.replace("addr32 ", "");
        // 2. iced writes an F3 on a non-string instruction as "rep" (rep retq); Capstone leaves it out.
        if (text.startsWith("rep ") && !code.startsWith("Movs") && !code.startsWith("Stos")) text = text.substring(4);
        int sp = text.indexOf(' ');
        String mnemonic = sp < 0 ? text : text.substring(0, sp);
        List<String> operands = sp < 0 ? new ArrayList<>() : splitOperands(text.substring(sp + 1));
        mnemonic = mnemonic(mnemonic, code, operands, ours);
        // 5. iced puts the accumulator first in the one-byte xchg forms (90+r); Capstone last.
        if (code.matches("Xchg_r(16|32|64)_(AX|EAX|RAX)")) {
            java.util.Collections.reverse(operands);
        }
        List<String> out = new ArrayList<>();
        for (String o : operands) out.add(operand(o, ours));
        return out.isEmpty() ? mnemonic : mnemonic + " " + String.join(", ", out);
    }

    /** 3./4. Mnemonic spellings. */
    private static String mnemonic(String m, String code, List<String> operands, Insn ours) {
        // 3a. setcc: iced adds a b suffix (setob), Capstone has none (seto).
        if (code.startsWith("Set")) return m.substring(0, m.length() - 1);
        // 3b. movzx/movsx with a 16-bit source and destination: iced movzxw, Capstone movzwl (its quirk).
        if (m.equals("movzxw")) return "movzwl";
        if (m.equals("movsxw")) return "movswl";
        // 3c. 0F 1F with REX.W: iced nopq, Capstone nopl.
        if (m.equals("nopq")) return "nopl";
        // 3d. The one-byte nop with 66 or REX.W (Nopw, Nopq): iced prints xchg ax, ax; Capstone nop.
        if (code.equals("Nopw") || code.equals("Nopq")) {
            operands.clear();
            return "nop";
        }
        // 4a. Capstone quirk: rotate left by one of a 32-bit register has no suffix (rol $1, %eax).
        if (m.equals("roll") && code.equals("Rol_rm32_1") && !operands.get(1).contains("(")) return "rol";
        // 4b. Capstone quirk: mov to/from a segment register in memory with REX.W is movq, not movw.
        if ((code.startsWith("Mov_r64m16_Sreg") || code.startsWith("Mov_Sreg_r64m16")) && ours.has(Insn.PREFIX_REX_W)) return "movq";
        return m;
    }

    /** 6./7./8. One operand. */
    private static String operand(String o, Insn ours) {
        if (o.startsWith("$")) return o;
        if (o.startsWith("*")) return "*" + operand(o.substring(1), ours);
        // 7. movs/stos: iced prints the fixed es: of the destination when there is an override; Capstone never does.
        if (o.startsWith("es:(") && (o.contains("di)"))) o = o.substring(3);
        String seg = "";
        int colon = o.indexOf(':');
        if (colon > 0) {
            seg = "%" + o.substring(0, colon) + ":";
            o = o.substring(colon + 1);
        }
        if (REGISTERS.contains(o)) return seg + "%" + o;
        int paren = o.indexOf('(');
        if (paren >= 0) {
            // 8. memory: registers get %, and the parts are separated by ", " (iced writes (rax,rcx,2)).
            String[] parts = o.substring(paren + 1, o.length() - 1).split(",", -1);
            StringBuilder b = new StringBuilder(seg).append(o, 0, paren).append('(');
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) b.append(", ");
                b.append(REGISTERS.contains(parts[i]) ? "%" + parts[i] : parts[i]);
            }
            return b.append(')').toString();
        }
        // 6. iced prints a RIP-relative operand as its absolute address; Capstone as disp(%rip).
        Operand.Mem rip = ripRelative(ours);
        if (rip != null && !o.isEmpty()) {
            long target = Long.parseUnsignedLong(o.replace("0x", ""), 16);
            long disp = target - (IP + ours.length());
            if (rip.addrSize() == 4) disp = (int) disp;
            return seg + AttNumbers.signed(disp) + "(%" + (rip.addrSize() == 4 ? "eip" : "rip") + ")";
        }
        return seg + o;
    }

    private static Operand.Mem ripRelative(Insn insn) {
        for (Operand o : insn.operands()) if (o instanceof Operand.Mem m && m.base() == Operand.RIP) return m;
        return null;
    }

    /** Splits at the commas that are not inside parentheses. */
    static List<String> splitOperands(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')') depth--;
            else if (ch == ',' && depth == 0) {
                out.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(s.substring(start).trim());
        return out;
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w%])-?(0x[0-9a-f]+|[0-9]+)");

    /**
     * Whether two texts in Capstone's spelling say the same: equal outside the numbers, and equal
     * numbers, where an immediate ($) only has to agree in the {@code immBytes} bytes it was
     * encoded in. iced prints every immediate signed ($-0x5b) while Capstone prints one that
     * fills the operand unsigned ($0xa5); they are the same bits.
     */
    static boolean sameText(String expected, String actual, int immBytes) {
        Matcher a = NUMBER.matcher(expected), b = NUMBER.matcher(actual);
        int ia = 0, ib = 0;
        while (true) {
            boolean fa = a.find(), fb = b.find();
            if (fa != fb) return false;
            if (!fa) return expected.substring(ia).equals(actual.substring(ib));
            if (!expected.substring(ia, a.start()).equals(actual.substring(ib, b.start()))) return false;
            long va = value(a.group()), vb = value(b.group());
            boolean immediate = a.start() > 0 && expected.charAt(a.start() - 1) == '$';
            if (immediate ? AttNumbers.truncate(va, immBytes) != AttNumbers.truncate(vb, immBytes) : va != vb) return false;
            ia = a.end();
            ib = b.end();
        }
    }

    private static long value(String n) {
        boolean negative = n.startsWith("-");
        String digits = negative ? n.substring(1) : n;
        long v = digits.startsWith("0x") ? Long.parseUnsignedLong(digits.substring(2), 16) : Long.parseLong(digits);
        return negative ? -v : v;
    }
}
