package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.ByteSource;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Mnemonic;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.testing.PagedMachine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Where Intel and AMD processors disagree inside the subset, both rules, on any host
 * (docs/isa.md, "Vendor rules"). The native differential test checks the host's vendor against
 * the real CPU; these pin each vendor's rule, whichever CPU runs the suite. Code runs at
 * {@link PagedMachine#CODE} (0x400000); the first 2 MiB are unmapped, so a branch that AMD
 * truncates to 16 bits ends in a fetch #PF at the truncated address.
 */
class VendorRulesTest {
    static final long HIGH = 0xDEAD_0000_0000_0000L;

    static PagedMachine on(CpuVendor v, int... code) {
        byte[] b = new byte[code.length];
        for (int i = 0; i < code.length; i++) b[i] = (byte) code[i];
        return PagedMachine.create(MachineConfig.defaults().withCpus(1).withVendor(v)).load(b);
    }

    static Insn decode(CpuVendor v, int... code) {
        byte[] b = new byte[code.length];
        for (int i = 0; i < code.length; i++) b[i] = (byte) code[i];
        return Decoder.decode(ByteSource.of(b, 0, b.length), 0, v);
    }

    // --- rep movs/stos with 67 and ECX = 0 (observed on each vendor's CPU; neither manual says) ---

    @Test
    void repStosWith67AndZeroEcxTruncatesRcxAndRdiOnIntel() {
        PagedMachine m = on(CpuVendor.INTEL, 0x67, 0xF3, 0xAB, 0xF4).set(Reg.RCX, HIGH).set(Reg.RDI, HIGH | PagedMachine.DATA).runToHlt();
        assertEquals(0, m.reg(Reg.RCX));
        assertEquals(PagedMachine.DATA, m.reg(Reg.RDI));
    }

    @Test
    void repStosWith67AndZeroEcxLeavesRcxAndRdiWholeOnAmd() {
        PagedMachine m = on(CpuVendor.AMD, 0x67, 0xF3, 0xAB, 0xF4).set(Reg.RCX, HIGH).set(Reg.RDI, HIGH | PagedMachine.DATA).runToHlt();
        assertEquals(HIGH, m.reg(Reg.RCX));
        assertEquals(HIGH | PagedMachine.DATA, m.reg(Reg.RDI));
    }

    @Test
    void repMovsWith67AndZeroEcxTouchesRsiOnlyOnIntel() {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = on(v, 0x67, 0xF3, 0xA4, 0xF4).set(Reg.RCX, HIGH).set(Reg.RDI, HIGH | PagedMachine.DATA)
                    .set(Reg.RSI, HIGH | (PagedMachine.DATA + 64)).runToHlt();
            long expected = v == CpuVendor.INTEL ? PagedMachine.DATA + 64 : HIGH | (PagedMachine.DATA + 64);
            assertEquals(expected, m.reg(Reg.RSI), v.toString());
        }
    }

    @Test
    void repStosWith67AndWorkToDoWritesThe32BitRegistersOnBoth() {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = on(v, 0x67, 0xF3, 0xAB, 0xF4).set(Reg.RCX, HIGH | 1).set(Reg.RDI, HIGH | PagedMachine.DATA).runToHlt();
            assertEquals(0, m.reg(Reg.RCX), v.toString());
            assertEquals(PagedMachine.DATA + 4, m.reg(Reg.RDI), v.toString());
        }
    }

    // --- movsxd r16 (66 63 /r) ---

    /** 0x1FFFFFE: the last word before the unmapped 32 MiB line. */
    static final long LAST_WORD = PagedMachine.IDENTITY_END - 2;

    @Test
    void movsxdR16ReadsAWordOnIntel_SDM_MOVSXD() {
        PagedMachine m = on(CpuVendor.INTEL, 0x66, 0x63, 0x08, 0xF4).set(Reg.RAX, LAST_WORD).set(Reg.RCX, HIGH);
        m.memory().write(LAST_WORD, 2, 0xBEEF);
        m.runToHlt();
        assertEquals(HIGH | 0xBEEF, m.reg(Reg.RCX));
        assertEquals(2, ((dev.tk86.isa.decode.Operand.Mem) decode(CpuVendor.INTEL, 0x66, 0x63, 0x08).operand(1)).size());
    }

    @Test
    void movsxdR16ReadsADoublewordOnAmd() {
        PagedMachine m = on(CpuVendor.AMD, 0x66, 0x63, 0x08, 0xF4).set(Reg.RAX, LAST_WORD).set(Reg.RCX, HIGH);
        GuestFault f = m.runToFault();
        assertEquals(Vector.PF, f.vector());
        assertEquals(PagedMachine.IDENTITY_END, f.cr2(), "the doubleword's upper half is on the unmapped page");
        assertEquals(HIGH, m.reg(Reg.RCX), "nothing written");
        PagedMachine ok = on(CpuVendor.AMD, 0x66, 0x63, 0x08, 0xF4).set(Reg.RAX, PagedMachine.DATA).set(Reg.RCX, HIGH);
        ok.memory().write(PagedMachine.DATA, 4, 0x1234_BEEFL);
        assertEquals(HIGH | 0xBEEF, ok.runToHlt().reg(Reg.RCX), "the low word of the doubleword");
    }

    // --- 66 on near branches (Intel: ignored, SDM Vol. 2A CALL/JMP/Jcc/RET; AMD: 16-bit, APM Vol. 3) ---

    @Test
    void callRelWith66IsRel32AndPushesEightBytesOnIntel() {
        PagedMachine m = on(CpuVendor.INTEL, 0x66, 0xE8, 0, 0, 0, 0, 0xF4).runToHlt();
        assertEquals(PagedMachine.STACK_TOP - 8, m.reg(Reg.RSP));
        assertEquals(PagedMachine.CODE + 6, m.cpu().read64(PagedMachine.STACK_TOP - 8));
        assertEquals(6, decode(CpuVendor.INTEL, 0x66, 0xE8, 0, 0, 0, 0).length());
    }

    @Test
    void callRelWith66IsRel16PushesAWordAndTruncatesRipOnAmd() {
        assertEquals(4, decode(CpuVendor.AMD, 0x66, 0xE8, 0, 0, 0, 0).length());
        PagedMachine m = on(CpuVendor.AMD, 0x66, 0xE8, 0, 0, 0xF4);
        GuestFault f = m.runToFault();
        assertEquals(Vector.PF, f.vector());
        assertEquals(0x0004, f.cr2(), "IP = (0x400004 + 0) & 0xffff");
        assertEquals(PagedMachine.STACK_TOP - 2, m.reg(Reg.RSP));
        assertEquals(0x0004, m.cpu().read16(PagedMachine.STACK_TOP - 2));
    }

    @Test
    void theAttTextOfA16BitBranchSaysWordAndShowsTheTruncatedTarget() { // small numbers print in decimal, as Capstone does
        String[][] cases = {
                {"66e80000", "callw 4", "callq 0x10010006"}, // Intel reads two more bytes: here, a truncated rel32
                {"66c3", "retw", "retq"},
                {"66ffd0", "callw *%ax", "callq *%rax"},
                {"66eb00", "jmp 3", "jmp 0x10010003"}};
        for (String[] c : cases) {
            byte[] b = java.util.HexFormat.of().parseHex(c[0] + "0000");
            Insn amd = Decoder.decode(ByteSource.of(b, 0, b.length), 0x10010000L, CpuVendor.AMD);
            assertEquals(c[1], dev.tk86.isa.decode.AttFormatter.format(amd, 0x10010000L), c[0]);
            Insn intel = Decoder.decode(ByteSource.of(b, 0, b.length), 0x10010000L, CpuVendor.INTEL);
            assertEquals(c[2], dev.tk86.isa.decode.AttFormatter.format(intel, 0x10010000L), c[0]);
        }
    }

    @Test
    void retWith66PopsEightBytesOnIntelAndAWordOnAmd() {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = on(v, 0x66, 0xC3, 0xF4).set(Reg.RSP, PagedMachine.STACK_TOP - 8);
            m.memory().write(PagedMachine.STACK_TOP - 8, 8, PagedMachine.CODE + 2);
            if (v == CpuVendor.INTEL) {
                m.runToHlt();
                assertEquals(PagedMachine.STACK_TOP, m.reg(Reg.RSP));
            } else {
                assertEquals(0x0002, m.runToFault().cr2(), "retw pops the low word of the return address");
                assertEquals(PagedMachine.STACK_TOP - 6, m.reg(Reg.RSP));
            }
        }
    }

    @Test
    void takenJumpsWith66TruncateRipOnlyOnAmd() {
        int[][] jumps = {{0x66, 0xEB, 0x00, 0xF4}, {0x66, 0x74, 0x00, 0xF4}};
        for (int[] code : jumps) {
            PagedMachine intel = on(CpuVendor.INTEL, code);
            intel.cpu().setRflags(Rflags.FIXED1 | 0x40); // ZF: the je is taken
            intel.runToHlt();
            PagedMachine amd = on(CpuVendor.AMD, code);
            amd.cpu().setRflags(Rflags.FIXED1 | 0x40);
            assertEquals(0x0003, amd.runToFault().cr2());
        }
    }

    @Test
    void jccWith66NotTakenLeavesRipWholeOnAmd() {
        PagedMachine m = on(CpuVendor.AMD, 0x66, 0x74, 0x00, 0xF4);
        m.cpu().setRflags(Rflags.FIXED1); // ZF clear: not taken
        m.runToHlt();
        assertEquals(PagedMachine.CODE + 4, m.cpu().rip);
    }

    @Test
    void indirectCallWith66ReadsAWordTargetOnAmd() {
        PagedMachine intel = on(CpuVendor.INTEL, 0x66, 0xFF, 0xD0, 0xF4).set(Reg.RAX, PagedMachine.CODE + 3).runToHlt();
        assertEquals(PagedMachine.STACK_TOP - 8, intel.reg(Reg.RSP));
        PagedMachine amd = on(CpuVendor.AMD, 0x66, 0xFF, 0xD0, 0xF4).set(Reg.RAX, PagedMachine.CODE + 3);
        assertEquals(0x0003, amd.runToFault().cr2());
        assertEquals(PagedMachine.STACK_TOP - 2, amd.reg(Reg.RSP));
    }

    @Test
    void rexWBeats66OnNearBranchesOnBoth() {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = on(v, 0x66, 0x48, 0xE8, 0, 0, 0, 0, 0xF4).runToHlt();
            assertEquals(PagedMachine.STACK_TOP - 8, m.reg(Reg.RSP), v.toString());
        }
    }

    // --- F3 REX.B 90 ---

    @Test
    void f3RexB90IsPauseOnIntelAndXchgOnAmd() {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = on(v, 0xF3, 0x41, 0x90, 0xF4).set(Reg.RAX, 1).set(Reg.R8, 2).runToHlt();
            boolean swapped = v == CpuVendor.AMD;
            assertEquals(swapped ? 2 : 1, m.reg(Reg.RAX), v.toString());
            assertEquals(swapped ? 1 : 2, m.reg(Reg.R8), v.toString());
            assertEquals(swapped ? Mnemonic.XCHG : Mnemonic.PAUSE, decode(v, 0xF3, 0x41, 0x90).mnemonic());
        }
    }

    // --- endbr64 with a REX after its F3: the same on both (a hint nop) ---

    @Test
    void endbr64WithARexBetweenF3AndTheOpcodeRunsAsANopOnBoth() {
        for (CpuVendor v : CpuVendor.values()) {
            assertEquals(Mnemonic.ENDBR64, decode(v, 0xF3, 0x42, 0x0F, 0x1E, 0xFA).mnemonic());
            PagedMachine m = on(v, 0xF3, 0x42, 0x0F, 0x1E, 0xFA, 0xF4).runToHlt();
            assertEquals(PagedMachine.CODE + 6, m.cpu().rip);
        }
    }

    // --- CPUID identification leaves (SDM Vol. 2A CPUID; APM Vol. 3, Appendix E) ---

    static long[] cpuid(CpuVendor v, long leaf) {
        PagedMachine m = on(v, 0x0F, 0xA2, 0xF4).set(Reg.RAX, leaf).runToHlt();
        return new long[] {m.reg(Reg.RAX), m.reg(Reg.RBX), m.reg(Reg.RCX), m.reg(Reg.RDX)};
    }

    static String text(long... words) {
        byte[] b = new byte[words.length * 4];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (words[i / 4] >>> (8 * (i % 4)));
        return new String(b, StandardCharsets.US_ASCII).replace("\0", "");
    }

    @Test
    void cpuidNamesTheVendorAndItsSignature() {
        long[] intel = cpuid(CpuVendor.INTEL, 0), amd = cpuid(CpuVendor.AMD, 0);
        assertEquals("GenuineIntel", text(intel[1], intel[3], intel[2]));
        assertEquals("AuthenticAMD", text(amd[1], amd[3], amd[2]));
        assertEquals(0x06F1, cpuid(CpuVendor.INTEL, 1)[0], "family 6 model 15 stepping 1");
        assertEquals(0x0F51, cpuid(CpuVendor.AMD, 1)[0], "family 0Fh model 5 stepping 1");
    }

    @Test
    void cpuidExtendedLeafOneFollowsEachVendor() {
        long[] intel = cpuid(CpuVendor.INTEL, 0x8000_0001L), amd = cpuid(CpuVendor.AMD, 0x8000_0001L);
        assertEquals(0, intel[0], "Intel: EAX reserved");
        assertEquals(CpuidLeaves.EXT1_EDX, intel[3], "Intel: NX, 1 GiB pages, long mode only");
        assertEquals(0x0F51, amd[0], "AMD: the signature again");
        assertEquals(CpuidLeaves.EXT1_EDX | CpuidLeaves.LEAF1_EDX, amd[3], "AMD: leaf 1's EDX bits mirrored (all of tk86's are in the mirrored set)");
    }

    @Test
    void cpuidBrandStringSaysWhoseRules() {
        for (CpuVendor v : CpuVendor.values()) {
            StringBuilder brand = new StringBuilder();
            for (long leaf = 0x8000_0002L; leaf <= 0x8000_0004L; leaf++) brand.append(text(cpuid(v, leaf)));
            assertEquals("tk86 x86-64 subset CPU (" + (v == CpuVendor.INTEL ? "Intel" : "AMD") + " rules)", brand.toString());
        }
    }

    @Test
    void cpuidLeavesPastTheHighestAnswerZerosOnBoth() {
        for (CpuVendor v : CpuVendor.values()) {
            long[] r = cpuid(v, 0x4000_0000L);
            assertEquals(0, r[0] | r[1] | r[2] | r[3], v.toString());
        }
    }

    @Test
    void theDefaultVendorIsIntel() {
        assertEquals(CpuVendor.INTEL, MachineConfig.defaults().vendor());
    }

    @Test
    void anUnknownVendorNameIsRefusedNamingTheAcceptedOnes() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CpuVendor.parse("via"));
        assertEquals("unknown CPU vendor 'via' (accepted: intel, amd)", e.getMessage());
    }
}
