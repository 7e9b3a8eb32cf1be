package dev.tk86.isa.decode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Compares tk86 with Capstone on one byte sequence at a time and keeps the tally: agreements,
 * known disagreements (by {@link CapstoneExceptions} id) and failures (with examples).
 */
final class CapstoneDiff {
    private static final int MAX_EXAMPLES = 40;

    private final CapstoneOracle capstone;
    /** Capstone mnemonics (last word) that name an instruction of the subset. */
    private final Set<String> subsetMnemonics;

    int cases, accepted, bothRejected, agreed;
    final Map<String, Integer> known = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int failureCount;

    CapstoneDiff(CapstoneOracle capstone, Set<String> subsetMnemonics) {
        this.capstone = capstone;
        this.subsetMnemonics = subsetMnemonics;
    }

    /** Decodes {@code bytes[0..available)} both ways and records the verdict. */
    void check(byte[] bytes, int available, long address) {
        cases++;
        Insn ours = null;
        DecodeException rejected = null;
        try {
            ours = Decoder.decode(ByteSource.of(bytes, 0, available), address);
            accepted++;
        } catch (DecodeException e) {
            rejected = e;
        }
        DiffCase c = new DiffCase(bytes, available, address, ours, rejected, capstone.disasm(bytes, available, address));
        String problem = problem(c);
        if (problem == null) {
            if (ours == null) bothRejected++;
            else agreed++;
            return;
        }
        CapstoneExceptions.Known k = CapstoneExceptions.explain(c);
        if (k != null) {
            known.merge(k.id(), 1, Integer::sum);
            return;
        }
        failureCount++;
        if (failures.size() < MAX_EXAMPLES) failures.add(problem + ": " + c);
    }

    /** What is wrong with this case, or null if tk86 and Capstone agree. */
    private String problem(DiffCase c) {
        if (c.ours == null) {
            if (c.theirs == null) return null;
            return subsetMnemonics.contains(lastWord(c.theirs.mnemonic())) ? "tk86 rejects a subset instruction" : null;
        }
        if (c.theirs == null) return "Capstone rejects what tk86 decodes";
        if (c.theirs.size() != c.ours.length()) return "different length";
        if (!c.ourText.equals(c.theirs.text())) return "different text";
        return operandProblem(c.ours, c.theirs, c.address);
    }

    static String lastWord(String mnemonic) {
        int sp = mnemonic.lastIndexOf(' ');
        return sp < 0 ? mnemonic : mnemonic.substring(sp + 1);
    }

    /**
     * Our operands against Capstone's detail operands (which come in AT&T order). Capstone
     * leaves out the accumulator of stos and the %cl count of a shift with a memory destination.
     * Null when Capstone ran without detail.
     */
    static String operandProblem(Insn ours, CapstoneOracle.Result theirs, long address) {
        if (!theirs.detail()) return null;
        List<Operand> mine = new ArrayList<>(ours.operands());
        List<CapstoneOracle.CsOperand> cs = theirs.operands();
        if (ours.mnemonic() == Mnemonic.STOS) mine.remove(1);
        if (cs.size() == mine.size() - 1 && mine.size() == 2 && mine.get(0) instanceof Operand.Mem && mine.get(1).equals(Operands.CL)) {
            mine.remove(1);
        }
        if (cs.size() != mine.size()) return "operand count " + mine.size() + " vs " + cs.size();
        for (int k = 0; k < mine.size(); k++) {
            String p = operandProblem(ours, mine.get(k), cs.get(cs.size() - 1 - k), address);
            if (p != null) return "operand " + k + ": " + p;
        }
        return null;
    }

    private static String operandProblem(Insn i, Operand o, CapstoneOracle.CsOperand cs, long address) {
        if (o instanceof Operand.Reg r) return expectReg(cs, AttRegisters.gpr(r.num(), r.size()));
        if (o instanceof Operand.SReg s) return expectReg(cs, AttRegisters.SEGMENT[s.num()]);
        if (o instanceof Operand.Cr cr) return expectReg(cs, "cr" + cr.num());
        if (o instanceof Operand.Rel rel) return expectImm(cs, rel.target(address, i.length()), 8);
        if (o instanceof Operand.Imm imm) return expectImm(cs, imm.value(), i.opSize());
        Operand.Mem m = (Operand.Mem) o;
        if (cs.type() != CapstoneOracle.OP_MEM) return "memory vs type " + cs.type();
        String seg = m.seg() == Operand.NONE ? "" : AttRegisters.SEGMENT[m.seg()];
        String base = m.base() == Operand.NONE ? "" : AttRegisters.gpr(m.base(), m.addrSize());
        String index = m.index() == Operand.NONE ? "" : AttRegisters.gpr(m.index(), m.addrSize());
        if (!seg.equals(cs.segment())) return "segment " + seg + " vs " + cs.segment();
        if (!base.equals(cs.base())) return "base " + base + " vs " + cs.base();
        if (!index.equals(cs.index())) return "index " + index + " vs " + cs.index();
        if (m.scale() != cs.scale()) return "scale " + m.scale() + " vs " + cs.scale();
        if (m.disp() != cs.disp()) return "disp " + m.disp() + " vs " + cs.disp();
        if (m.size() != 0 && m.size() != cs.size()) return "size " + m.size() + " vs " + cs.size();
        return null;
    }

    private static String expectReg(CapstoneOracle.CsOperand cs, String name) {
        if (cs.type() != CapstoneOracle.OP_REG) return "register " + name + " vs type " + cs.type();
        return name.equals(cs.reg()) ? null : "register " + name + " vs " + cs.reg();
    }

    private static String expectImm(CapstoneOracle.CsOperand cs, long value, int size) {
        if (cs.type() != CapstoneOracle.OP_IMM) return "immediate vs type " + cs.type();
        long a = AttNumbers.truncate(value, size), b = AttNumbers.truncate(cs.imm(), size);
        return a == b ? null : "immediate " + Long.toHexString(value) + " vs " + Long.toHexString(cs.imm());
    }

    String summary(String what, long millis) {
        StringBuilder b = new StringBuilder();
        b.append(String.format("%s: %,d cases in %,d ms; tk86 decoded %,d; agreed with Capstone on %,d, both rejected %,d, failures %,d%n",
                what, cases, millis, accepted, agreed, bothRejected, failureCount));
        known.forEach((id, n) -> b.append(String.format("  known disagreement %-28s %,d%n", id, n)));
        for (String f : failures) b.append("  FAIL ").append(f).append('\n');
        return b.toString();
    }
}
