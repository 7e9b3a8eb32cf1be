package dev.tk86.isa.decode;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The decoding rules that are easy to get wrong, one test each, named after the rule and citing
 * the section of the Intel SDM (Vol. 2A unless said otherwise) it comes from. Where Intel and
 * AMD differ, tk86 follows Intel and the host CPU these tests were written on.
 */
class DecoderRulesTest {

    private static Insn decode(String hex) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return Decoder.decode(ByteSource.of(b, 0, b.length), 0x1000);
    }

    private static DecodeException reject(String hex) {
        return assertThrows(DecodeException.class, () -> decode(hex));
    }

    private static Operand.Mem mem(Insn i, int n) { return (Operand.Mem) i.operand(n); }

    private static Operand.Reg reg(int num, int size) { return new Operand.Reg(num, size); }

    @Test
    void rexMustBeLastPrefixToTakeEffect_SDM_2_2_1() {
        Insn ignored = decode("48 66 01 ce");  // REX.W followed by 66: the REX is ignored
        assertEquals(2, ignored.opSize());
        assertFalse(ignored.has(Insn.PREFIX_REX));
        assertEquals(List.of(reg(6, 2), reg(1, 2)), ignored.operands());
        Insn effective = decode("66 48 01 ce");
        assertEquals(8, effective.opSize());
        assertTrue(effective.has(Insn.PREFIX_REX_W));
        assertEquals(8, decode("66 4e 65 67 f7 c2 00 00").length()); // test $imm16: the REX before 65 does not count
        assertEquals(Mnemonic.ENDBR64, decode("47 f3 0f 1e fa").mnemonic());
    }

    @Test
    void ofSeveralRexPrefixesOnlyTheLastCounts_SDM_2_2_1() {
        assertEquals(List.of(reg(6, 4), reg(1, 4)), decode("4f 40 01 ce").operands());
        assertEquals(List.of(reg(14, 8), reg(9, 8)), decode("40 4f 01 ce").operands());
    }

    @Test
    void rexWBeatsTheOperandSizePrefix_SDM_2_2_1_2() {
        assertEquals(8, decode("66 48 8b c1").opSize());
        assertEquals(2, decode("66 8b c1").opSize());
        assertEquals(4, decode("8b c1").opSize());
    }

    @Test
    void byteRegistersWithoutRexAreAhToBhAndWithAnyRexSplToDil_SDM_2_2_1_2() {
        assertEquals(List.of(reg(0, 1), reg(Operand.Reg.AH, 1)), decode("88 e0").operands());
        assertEquals(List.of(reg(0, 1), reg(4, 1)), decode("40 88 e0").operands());
        assertEquals(List.of(reg(Operand.Reg.AH + 3, 1)), decode("0f 94 c7").operands());
        assertEquals(List.of(reg(7, 1)), decode("40 0f 94 c7").operands());
    }

    @Test
    void mod00Rm101IsRipRelativeIn64BitMode_SDM_2_2_1_6() {
        Operand.Mem m = mem(decode("8b 05 10 00 00 00"), 1);
        assertEquals(Operand.RIP, m.base());
        assertEquals(0x10, m.disp());
        assertEquals(4, m.dispSize());
        assertEquals(Operand.RIP, mem(decode("41 8b 05 f0 ff ff ff"), 1).base(), "REX.B does not change it");
        assertEquals(-0x10, mem(decode("41 8b 05 f0 ff ff ff"), 1).disp());
    }

    @Test
    void sibBase101WithMod00HasNoBaseButADisp32EvenForR13_SDM_2_1_5_Table_2_3() {
        Operand.Mem m = mem(decode("41 8b 04 25 78 56 34 12"), 1);
        assertEquals(Operand.NONE, m.base());
        assertEquals(Operand.NONE, m.index());
        assertEquals(0x12345678, m.disp());
        assertEquals(13, mem(decode("41 8b 45 00"), 1).base(), "r13 as a base needs mod 01 and a disp8");
        assertEquals(12, mem(decode("41 8b 04 24"), 1).base(), "r12 as a base needs a SIB byte");
    }

    @Test
    void sibIndex100MeansNoIndexUnlessRexXMakesItR12_SDM_2_2_1_2() {
        Operand.Mem none = mem(decode("8b 04 60"), 1);
        assertEquals(Operand.NONE, none.index());
        assertEquals(1, none.scale(), "no index, no scaling");
        Operand.Mem r12 = mem(decode("42 8b 04 60"), 1);
        assertEquals(12, r12.index());
        assertEquals(2, r12.scale());
    }

    @Test
    void addressSizePrefixSelects32BitAddressingAndEip_SDM_Vol1_3_3_7() {
        Insn i = decode("67 8b 05 f0 ff ff ff");
        assertEquals(4, i.addrSize());
        assertEquals(Operand.RIP, mem(i, 1).base());
        assertEquals(4, mem(i, 1).addrSize());
        assertEquals(4, mem(decode("67 8b 44 88 10"), 1).addrSize());
    }

    @Test
    void moffsIsA64BitAbsoluteAddressOr32BitWith67_SDM_2_2_1_4() {
        Insn abs = decode("48 a1 88 77 66 55 44 33 22 11");
        assertEquals(10, abs.length());
        assertEquals(0x1122334455667788L, mem(abs, 1).disp());
        assertEquals(8, mem(abs, 1).dispSize());
        Insn abs32 = decode("67 a1 ff ff ff ff");
        assertEquals(6, abs32.length());
        assertEquals(0xffffffffL, mem(abs32, 1).disp(), "an address, zero-extended");
    }

    @Test
    void instructionLongerThan15BytesIsTooLong_SDM_2_3_11() {
        assertEquals(15, decode("26".repeat(13) + "01 ce").length());
        assertEquals(DecodeException.Kind.TOO_LONG, reject("26".repeat(14) + "01 ce").kind());
        assertEquals(DecodeException.Kind.TOO_LONG, reject("26".repeat(15)).kind(), "15 prefixes: the 16th byte is never fetched");
        assertEquals(DecodeException.Kind.TOO_LONG, reject("26".repeat(6) + "48 b8 0102030405060708").kind());
    }

    @Test
    void runningOutOfBytesIsTruncatedNotUndefined() {
        assertEquals(DecodeException.Kind.TRUNCATED, reject("b8 01 02").kind());
        assertEquals(DecodeException.Kind.TRUNCATED, reject("f0 04").kind(), "truncation is found before the lock rule");
        assertEquals(DecodeException.Kind.TRUNCATED, reject("").kind());
    }

    @Test
    void decodingReadsNoByteBeyondTheInstruction() {
        byte[] b = {(byte) 0xc3};
        ByteSource strict = offset -> {
            if (offset >= b.length) throw new AssertionError("read byte " + offset + " past the instruction");
            return b[offset] & 0xFF;
        };
        assertEquals(Mnemonic.RET, Decoder.decode(strict, 0).mnemonic());
    }

    @Test
    void lockOnRegisterDestinationIsUndefined_SDM_LOCK() {
        assertEquals(DecodeException.Kind.UNDEFINED, reject("f0 01 c0").kind());
        assertEquals(DecodeException.Kind.UNDEFINED, reject("f0 03 00").kind(), "reg,r/m direction: the destination is a register");
        assertTrue(decode("f0 01 00").has(Insn.PREFIX_LOCK));
    }

    @Test
    void lockOnAnInstructionThatCannotBeLockedIsUndefined_SDM_LOCK() {
        for (String hex : List.of("f0 39 00", "f0 8b 00", "f0 0f a3 00", "f0 0f ba 20 01", "f0 a4", "f0 0f 1f 00", "f0 f3 a4")) {
            assertEquals(DecodeException.Kind.UNDEFINED, reject(hex).kind(), hex);
        }
        for (String hex : List.of("f0 0f b1 0f", "f0 0f c1 07", "f0 86 00", "f0 0f ba 28 03", "f0 f7 18", "f0 ff 08")) {
            assertTrue(decode(hex).has(Insn.PREFIX_LOCK), hex);
        }
    }

    @Test
    void fsAndGsOverridesBeatLaterNullSegmentOverrides_SDM_Vol1_3_3_7_1() {
        assertEquals(Operand.SReg.GS, mem(decode("65 26 8b 00"), 1).seg());
        assertEquals(Operand.SReg.GS, mem(decode("26 65 8b 00"), 1).seg());
        assertEquals(Operand.SReg.GS, mem(decode("64 65 8b 00"), 1).seg(), "of FS and GS the last wins");
        assertEquals(Operand.SReg.ES, mem(decode("26 8b 00"), 1).seg(), "kept for the disassembly, base 0 for the CPU");
    }

    @Test
    void ofF2AndF3TheLastOneCounts() {
        assertEquals(Mnemonic.PAUSE, decode("f2 f3 90").mnemonic());
        assertEquals(Mnemonic.NOP, decode("f3 f2 90").mnemonic());
        Insn movs = decode("f3 f2 a4");
        assertTrue(movs.has(Insn.PREFIX_REPNE));
        assertFalse(movs.has(Insn.PREFIX_REP));
    }

    @Test
    void pauseIsF3NopEvenWithRex_SDM_PAUSE() {
        assertEquals(Mnemonic.PAUSE, decode("f3 90").mnemonic());
        assertEquals(Mnemonic.PAUSE, decode("f3 41 90").mnemonic(), "the host CPU leaves r8 and rax alone");
        assertEquals(Mnemonic.XCHG, decode("41 90").mnemonic());
        assertEquals(Mnemonic.NOP, decode("66 90").mnemonic());
    }

    @Test
    void nearBranchesIgnoreTheOperandSizePrefixOnIntel_SDM_JMP_CALL_RET() {
        Insn jmp = decode("66 e9 00 00 00 00");
        assertEquals(6, jmp.length());
        assertEquals(new Operand.Rel(0, 4), jmp.operand(0));
        assertEquals(8, jmp.opSize());
        assertEquals(8, decode("66 c3").opSize());
        assertEquals(8, decode("66 ff d0").opSize());
        assertEquals(7, decode("66 0f 84 00 00 00 00").length());
    }

    @Test
    void pushAndPopDefaultTo64BitsAnd66MakesThem16_SDM_2_2_1_7() {
        assertEquals(8, decode("50").opSize());
        assertEquals(2, decode("66 50").opSize());
        assertEquals(8, decode("66 48 50").opSize());
        assertEquals(2, decode("66 6a ff").opSize());
        assertEquals(new Operand.Imm(0x1000, 2), decode("66 68 00 10").operand(0));
    }

    @Test
    void movsxdWithoutRexWIsAPlainMove_SDM_MOVSXD() {
        Insn plain = decode("63 c8");
        assertEquals(4, plain.opSize());
        assertEquals(List.of(reg(1, 4), reg(0, 4)), plain.operands());
        assertEquals(List.of(reg(1, 8), reg(0, 4)), decode("48 63 c8").operands());
    }

    @Test
    void movToCsAndNonexistentSegmentRegistersAreUndefined_SDM_MOV() {
        assertEquals(DecodeException.Kind.UNDEFINED, reject("8e c8").kind());
        assertEquals(DecodeException.Kind.UNDEFINED, reject("8c f0").kind());
        assertEquals(List.of(new Operand.SReg(Operand.SReg.DS), reg(0, 8)), decode("4c 8e d8").operands(), "REX.R is ignored");
        assertEquals(2, mem(decode("8c 18"), 0).size(), "a segment register in memory is 16 bits");
    }

    @Test
    void movToControlRegistersIgnoresTheModBitsAndOnlyKnowsCr0To4_SDM_MOV_CR() {
        assertEquals(List.of(reg(0, 8), new Operand.Cr(3)), decode("0f 20 18").operands());
        assertEquals(List.of(new Operand.Cr(4), reg(9, 8)), decode("41 0f 22 e1").operands());
        assertEquals(DecodeException.Kind.UNDEFINED, reject("0f 20 c8").kind());
        assertEquals(DecodeException.Kind.UNDEFINED, reject("44 0f 22 c8").kind());
        assertEquals(DecodeException.Kind.OUTSIDE_SUBSET, reject("44 0f 20 c0").kind(), "cr8 exists but is not in the subset");
    }

    @Test
    void immediatesAreExtendedAsTheInstructionConsumesThem_SDM_2_2_1_5() {
        assertEquals(new Operand.Imm(-1, 1), decode("83 c0 ff").operand(1));
        assertEquals(new Operand.Imm(-1, 4), decode("05 ff ff ff ff").operand(1));
        assertEquals(new Operand.Imm(-0x80000000L, 4), decode("48 c7 c0 00 00 00 80").operand(1));
        assertEquals(new Operand.Imm(-1, 8), decode("48 b8 ff ff ff ff ff ff ff ff").operand(1));
        assertEquals(new Operand.Imm(0xff, 1), decode("c1 e0 ff").operand(1), "counts are unsigned");
        assertEquals(new Operand.Imm(0x80, 1), decode("cd 80").operand(0));
        assertEquals(new Operand.Imm(0xffff, 2), decode("c2 ff ff").operand(0));
        assertEquals(new Operand.Imm(1, 0), decode("d1 e0").operand(1), "the implicit 1 has no immediate byte");
    }

    @Test
    void stringInstructionsCarryTheirImplicitOperandsDestinationFirst() {
        Insn stos = decode("f3 48 ab");
        assertEquals(List.of(new Operand.Mem(8, Operand.NONE, 7, Operand.NONE, 1, 0, 0, 8), reg(0, 8)), stos.operands());
        assertTrue(stos.has(Insn.PREFIX_REP));
        Insn movs = decode("67 64 a4");
        assertEquals(new Operand.Mem(1, Operand.NONE, 7, Operand.NONE, 1, 0, 0, 4), movs.operand(0), "es:[edi], no override");
        assertEquals(new Operand.Mem(1, Operand.SReg.FS, 6, Operand.NONE, 1, 0, 0, 4), movs.operand(1));
    }

    @Test
    void opcodesThatDoNotExistIn64BitModeAreUndefined_SDM_Vol2D_A_2() {
        for (String hex : List.of("06", "07", "27", "37", "60", "61", "82 c0 01", "9a", "c4 e2 79 58", "c5 f8 77", "62", "ce", "d6", "ea")) {
            assertEquals(DecodeException.Kind.UNDEFINED, reject(hex).kind(), hex);
        }
        assertEquals(Mnemonic.UD2, decode("0f 0b").mnemonic(), "ud2 is an instruction of the subset");
    }

    @Test
    void instructionsOutsideTheSubsetAreNamedInTheMessage() {
        assertEquals("syscall is outside the tk86 subset", reject("0f 05").getMessage());
        assertEquals(DecodeException.Kind.OUTSIDE_SUBSET, reject("0f 05").kind());
        assertEquals("leave is outside the tk86 subset", reject("c9").getMessage());
        assertEquals("rdtscp is outside the tk86 subset", reject("0f 01 f9").getMessage());
        assertEquals("rcl is outside the tk86 subset", reject("d1 d0").getMessage());
        assertEquals("popcnt is outside the tk86 subset", reject("f3 0f b8 c0").getMessage());
    }

    @Test
    void multiByteNopAndFencesDecodeInEveryEncodingTheCpuRuns_SDM_NOP_LFENCE() {
        assertEquals(Mnemonic.NOP, decode("0f 1f c1").mnemonic());
        assertEquals(Mnemonic.NOP, decode("66 2e 0f 1f 84 00 00 00 00 00").mnemonic());
        assertEquals(0, mem(decode("0f 1f 44 00 00"), 0).size(), "a nop does not access its memory operand");
        assertEquals(Mnemonic.LFENCE, decode("0f ae e9").mnemonic());
        assertEquals(Mnemonic.MFENCE, decode("0f ae f7").mnemonic());
        assertEquals(Mnemonic.SFENCE, decode("0f ae ff").mnemonic());
        assertEquals(DecodeException.Kind.OUTSIDE_SUBSET, reject("66 0f ae e8").kind(), "the host CPU raises #UD");
        assertEquals(Mnemonic.ENDBR64, decode("f3 0f 1e fa").mnemonic());
    }
}
