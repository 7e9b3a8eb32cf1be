package dev.tk86.isa.decode;

import capstone.Capstone;
import capstone.X86;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link CapstoneOracle} reads Capstone's results at fixed C offsets for speed; this checks it
 * against the official Java binding (com.github.transcurity:capstone 4.0.2), field by field,
 * on a spread of the enumerated corpus, so a wrong offset cannot go unnoticed.
 */
class CapstoneBindingCrossCheckTest {

    @Test
    void fastReaderAgreesWithTheJavaBindingOnTextSizeAndOperands() {
        Capstone binding = new Capstone(Capstone.CS_ARCH_X86, Capstone.CS_MODE_64);
        binding.setSyntax(Capstone.CS_OPT_SYNTAX_ATT);
        binding.setDetail(Capstone.CS_OPT_ON);
        List<byte[]> corpus = SubsetForms.corpus();
        int compared = 0, operands = 0;
        try (CapstoneOracle fast = new CapstoneOracle(true)) {
            for (int k = 0; k < corpus.size(); k += 97) {
                byte[] b = corpus.get(k);
                Capstone.CsInsn[] slow = binding.disasm(b, 0x401000, 1);
                CapstoneOracle.Result r = fast.disasm(b, b.length, 0x401000);
                if (slow.length == 0) {
                    assertEquals(null, r);
                    continue;
                }
                assertNotNull(r);
                Capstone.CsInsn s = slow[0];
                String where = HexFormatted.of(b);
                assertEquals(s.size, r.size(), where);
                assertEquals(s.mnemonic, r.mnemonic(), where);
                assertEquals(s.opStr, r.opStr(), where);
                X86.Operand[] ops = ((X86.OpInfo) s.operands).op;
                int n = ops == null ? 0 : ops.length;
                assertEquals(n, r.operands().size(), where);
                for (int i = 0; i < n; i++) {
                    X86.Operand o = ops[i];
                    CapstoneOracle.CsOperand f = r.operands().get(i);
                    assertEquals(o.type, f.type(), where);
                    assertEquals(o.size, (byte) f.size(), where);
                    switch (o.type) {
                        case CapstoneOracle.OP_REG -> assertEquals(s.regName(o.value.reg), f.reg(), where);
                        case CapstoneOracle.OP_IMM -> assertEquals(o.value.imm, f.imm(), where);
                        case CapstoneOracle.OP_MEM -> {
                            assertEquals(name(s, o.value.mem.segment), f.segment(), where);
                            assertEquals(name(s, o.value.mem.base), f.base(), where);
                            assertEquals(name(s, o.value.mem.index), f.index(), where);
                            assertEquals(o.value.mem.scale, f.scale(), where);
                            assertEquals(o.value.mem.disp, f.disp(), where);
                        }
                        default -> { }
                    }
                    operands++;
                }
                compared++;
            }
        } finally {
            binding.close();
        }
        assertTrue(compared > 500 && operands > 1000, compared + " instructions, " + operands + " operands compared");
    }

    private static String name(Capstone.CsInsn insn, int reg) { return reg == 0 ? "" : insn.regName(reg); }

    /** Hex for assertion messages. */
    private static final class HexFormatted {
        static String of(byte[] b) { return java.util.HexFormat.ofDelimiter(" ").formatHex(b); }
    }
}
