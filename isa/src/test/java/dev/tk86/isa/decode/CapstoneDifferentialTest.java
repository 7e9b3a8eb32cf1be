package dev.tk86.isa.decode;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tk86's decoder and AT&T formatter against Capstone 4.0.2: same length, same text, same
 * operands (base, index, scale, displacement, segment, registers, immediates, targets), and a
 * clean rejection for everything outside the subset. Disagreements must be on the commented
 * list in {@link CapstoneExceptions}. Capstone must be installed: if libcapstone cannot be
 * loaded these tests fail, they do not skip.
 */
class CapstoneDifferentialTest {
    /** Fixed so every run checks the same million cases; -Dtk86.decode.seed=N explores others. */
    static final long SEED = Long.decode(System.getProperty("tk86.decode.seed", "0x7C86D1FF2024"));
    static final int RANDOM_CASES = Integer.getInteger("tk86.decode.cases", 1_000_000);

    private static List<byte[]> corpus;
    private static Set<String> subsetMnemonics;

    @BeforeAll
    static void collectTheSubset() {
        corpus = SubsetForms.corpus();
        subsetMnemonics = new HashSet<>();
        for (byte[] b : corpus) {
            try {
                Insn i = Decoder.decode(ByteSource.of(b, 0, b.length), 0);
                subsetMnemonics.add(CapstoneDiff.lastWord(AttFormatter.split(i, 0).mnemonic()));
            } catch (DecodeException e) {
                // reported by everyFormOfTheSubsetDecodesAndAgreesWithCapstone
            }
        }
    }

    @Test
    void capstoneIsInstalledAndAnswers() {
        try (CapstoneOracle cs = new CapstoneOracle(false)) {
            CapstoneOracle.Result r = cs.disasm(new byte[] {0x48, (byte) 0x8b, 0x05, 0x10, 0, 0, 0}, 7, 0x1000);
            assertEquals("movq 0x10(%rip), %rax", r.text());
        }
    }

    @Test
    void endbr64WithARexAfterItsF3IsAKnownCapstone4Gap() {
        byte[] b = {(byte) 0xF3, 0x42, 0x0F, 0x1E, (byte) 0xFA};
        Insn ours = Decoder.decode(ByteSource.of(b, 0, b.length), 0x1000);
        assertEquals(Mnemonic.ENDBR64, ours.mnemonic());
        assertEquals(5, ours.length());
        try (CapstoneOracle cs = new CapstoneOracle(true)) {
            CapstoneOracle.Result theirs = cs.disasm(b, b.length, 0x1000);
            if (theirs != null) {
                assertEquals("endbr64", theirs.mnemonic(), "a Capstone that decodes it must agree");
                return;
            }
            CapstoneExceptions.Known k = CapstoneExceptions.explain(new DiffCase(b, b.length, 0x1000, ours, null, null));
            assertEquals("endbr64-extra-prefixes", k == null ? null : k.id(), "Capstone 4 says invalid: a listed gap");
        }
    }

    @Test
    @DisplayName("every opcode form of the subset, every operand size and addressing mode agrees with Capstone")
    void everyFormOfTheSubsetDecodesAndAgreesWithCapstone() {
        long t0 = System.nanoTime();
        int rejected = 0;
        StringBuilder rejections = new StringBuilder();
        try (CapstoneOracle cs = new CapstoneOracle(true)) {
            CapstoneDiff diff = new CapstoneDiff(cs, subsetMnemonics);
            for (byte[] b : corpus) {
                try {
                    Decoder.decode(ByteSource.of(b, 0, b.length), 0);
                } catch (DecodeException e) {
                    if (rejected++ < 20) rejections.append("  ").append(HexFormat.ofDelimiter(" ").formatHex(b)).append(": ").append(e.getMessage()).append('\n');
                }
                diff.check(b, b.length, 0x401000);
            }
            System.out.print(diff.summary(String.format("enumerated corpus (%d forms)", SubsetForms.SPECS.size()),
                    (System.nanoTime() - t0) / 1_000_000));
            assertEquals(0, rejected, "tk86 rejects forms of its own subset:\n" + rejections);
            assertEquals(0, diff.failureCount, "disagreements with Capstone:\n" + String.join("\n", diff.failures));
            assertTrue(diff.agreed > corpus.size() * 9 / 10, "most of the corpus must agree exactly with Capstone");
        }
    }

    @Test
    @DisplayName("1,000,000 random byte sequences (default seed 0x7c86d1ff2024, half fully random, half structured) agree with Capstone")
    void randomByteSequencesAgreeWithCapstone() {
        long t0 = System.nanoTime();
        RandomInstructions random = new RandomInstructions(SEED);
        byte[] b = new byte[RandomInstructions.LENGTH];
        try (CapstoneOracle cs = new CapstoneOracle(true)) {
            CapstoneDiff diff = new CapstoneDiff(cs, subsetMnemonics);
            for (int n = 0; n < RANDOM_CASES; n++) {
                random.next(b, (n & 1) == 0);
                diff.check(b, b.length, random.address());
            }
            System.out.print(diff.summary(String.format("random sequences (seed 0x%x, %,d cases)", SEED, RANDOM_CASES),
                    (System.nanoTime() - t0) / 1_000_000));
            assertEquals(RANDOM_CASES, diff.cases);
            assertEquals(0, diff.failureCount, "disagreements with Capstone:\n" + String.join("\n", diff.failures));
            assertTrue(diff.accepted > RANDOM_CASES / 4, "the structured half must mostly land in the subset");
        }
    }
}
