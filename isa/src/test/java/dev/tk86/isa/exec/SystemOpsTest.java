package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.mmu.PageTableBuilder;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/**
 * Control registers, invlpg, descriptor tables, swapgs, hlt, cli/sti, rdtsc, rdmsr/wrmsr, cpuid,
 * in/out (SDM Vol. 2 and Vol. 3A, 2.5, 2.8, 6.8.3).
 */
class SystemOpsTest {
    static final long USER_CODE = 0x4000_0000L;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    /** Runs one instruction at CPL 3 from a user page. */
    static GuestFault atCpl3(String insn) {
        PagedMachine m = PagedMachine.create();
        m.map(USER_CODE, PageTableBuilder.US | PageTableBuilder.RW);
        m.write(USER_CODE, dev.tk86.isa.testing.Assembler.assembleLines(insn, "nop"));
        Cpu c = m.cpu();
        c.rip = USER_CODE;
        c.cpl = 3;
        c.cs = 0x2B;
        c.mmu.clearFast();
        return m.runToFault();
    }

    @Test
    void privilegedInstructionsAtCpl3RaiseGeneralProtection_SDM_Vol3A_2_8() {
        String[] privileged = {"hlt", "mov %cr3, %rax", "mov %rax, %cr3", "mov %rax, %cr0", "invlpg (%rax)", "lgdt (%rax)",
                "lidt (%rax)", "swapgs", "rdmsr", "wrmsr", "cli", "sti", "in $0x80, %al", "out %al, %dx"};
        for (String insn : privileged) {
            GuestFault f = atCpl3(insn);
            assertEquals(Vector.GP, f.vector(), insn);
            assertEquals(0, f.errorCode(), insn);
        }
    }

    @Test
    void rdtscIsAllowedAtCpl3WhileCr4TsdIsClear_SDM_RDTSC() {
        PagedMachine m = PagedMachine.create();
        m.map(USER_CODE, PageTableBuilder.US | PageTableBuilder.RW);
        m.write(USER_CODE, dev.tk86.isa.testing.Assembler.assembleLines("rdtsc", "ud2"));
        m.cpu().rip = USER_CODE;
        m.cpu().cpl = 3;
        m.cpu().mmu.clearFast();
        assertEquals(Vector.UD, m.runToFault().vector(), "rdtsc ran, the ud2 after it faulted");
    }

    @Test
    void rdtscCountsSteps_SDM_RDTSC() {
        PagedMachine m = run("rdtsc", "mov %eax, %ebx", "nop", "nop", "rdtsc", "hlt");
        assertEquals(4, m.reg(Reg.RAX) - m.reg(Reg.RBX));
    }

    @Test
    void wrmsrTscSetsTheCounterThatRdtscReads_SDM_Vol3A_17_17() {
        PagedMachine m = run("mov $0x10, %ecx", "mov $1, %edx", "xor %eax, %eax", "wrmsr", "rdtsc", "hlt");
        assertEquals(1, m.reg(Reg.RDX));
        assertEquals(1, m.reg(Reg.RAX), "one step after the write");
    }

    @Test
    void movToCr3LoadsItAndFlushesTheTlb_SDM_Vol3A_4_10_4_1() {
        PagedMachine m = PagedMachine.create();
        long flushes = m.cpu().mmu.tlb.cr3Flushes;
        m.asm("mov %cr3, %rax", "mov %rax, %cr3", "mov %cr3, %rbx", "hlt").runToHlt();
        assertEquals(m.reg(Reg.RAX), m.reg(Reg.RBX));
        assertEquals(flushes + 1, m.cpu().mmu.tlb.cr3Flushes);
    }

    @Test
    void invlpgDropsAStaleTranslation_SDM_Vol3A_4_10_4_1() {
        PagedMachine m = PagedMachine.create();
        long va = 0x5000_0000L;
        long first = m.map(va, PageTableBuilder.RW), second = m.allocFrame();
        m.memory().write(first, 8, 111);
        m.memory().write(second, 8, 222);
        m.asm("mov $0x50000000, %rbx", "mov (%rbx), %rax", "hlt").runToHlt();
        assertEquals(111, m.reg(Reg.RAX));
        m.pages().map4k(va, second, PageTableBuilder.P | PageTableBuilder.RW);
        m.asm("mov (%rbx), %rax", "mov %rax, %rcx", "invlpg (%rbx)", "mov (%rbx), %rax", "hlt").runToHlt();
        assertEquals(111, m.reg(Reg.RCX), "the TLB still holds the old translation");
        assertEquals(222, m.reg(Reg.RAX), "after invlpg the new one is walked");
    }

    @Test
    void movToCr4WithAReservedBitRaisesGp_SDM_MOV_CR() {
        GuestFault f = PagedMachine.create().asm("mov %cr4, %rax", "bts $25, %rax", "mov %rax, %cr4", "hlt").runToFault();
        assertEquals(Vector.GP, f.vector());
    }

    @Test
    void clearingPagingInLongModeRaisesGp_SDM_MOV_CR() {
        GuestFault f = PagedMachine.create().asm("mov %cr0, %rax", "btr $31, %rax", "mov %rax, %cr0", "hlt").runToFault();
        assertEquals(Vector.GP, f.vector());
    }

    @Test
    void cr3WithBitsAboveMaxPhyAddrRaisesGp_SDM_MOV_CR() {
        GuestFault f = PagedMachine.create().asm("mov %cr3, %rax", "bts $45, %rax", "mov %rax, %cr3", "hlt").runToFault();
        assertEquals(Vector.GP, f.vector());
    }

    @Test
    void lgdtAndLidtLoadATenBytePseudoDescriptor_SDM_LGDT() {
        PagedMachine m = run("movw $0x27, 0x1000000", "movq $0xffff800000001000, %rax", "mov %rax, 0x1000002",
                "lgdt 0x1000000", "movw $0xfff, 0x1000010", "lidt 0x1000010", "hlt");
        assertEquals(0x27, m.cpu().gdtLimit);
        assertEquals(0xFFFF_8000_0000_1000L, m.cpu().gdtBase);
        assertEquals(0xFFF, m.cpu().idtLimit);
        assertEquals(0, m.cpu().idtBase, "the 8 base bytes after the limit were zero");
    }

    @Test
    void swapgsExchangesGsBaseWithKernelGsBase_SDM_SWAPGS() {
        PagedMachine m = PagedMachine.create().asm("swapgs", "hlt");
        m.cpu().gsBase = 1;
        m.cpu().kernelGsBase = 2;
        m.runToHlt();
        assertEquals(2, m.cpu().gsBase);
        assertEquals(1, m.cpu().kernelGsBase);
    }

    @Test
    void wrmsrAndRdmsrRoundTripTheBaseMsrs_SDM_Vol4() {
        PagedMachine m = run("mov $0xc0000101, %ecx", "mov $0xffff8000, %edx", "mov $0x1234, %eax", "wrmsr",
                "xor %eax, %eax", "xor %edx, %edx", "rdmsr", "hlt");
        assertEquals(0xFFFF_8000_0000_1234L, m.cpu().gsBase);
        assertEquals(0x1234, m.reg(Reg.RAX));
        assertEquals(0xFFFF_8000L, m.reg(Reg.RDX));
    }

    @Test
    void anMsrTk86DoesNotHaveRaisesGp_SDM_RDMSR() {
        assertEquals(Vector.GP, PagedMachine.create().asm("mov $0x123, %ecx", "rdmsr", "hlt").runToFault().vector());
    }

    @Test
    void aNonCanonicalBaseRaisesGp_SDM_WRMSR() {
        GuestFault f = PagedMachine.create().asm("mov $0xc0000100, %ecx", "mov $0x8000, %edx", "xor %eax, %eax", "wrmsr", "hlt").runToFault();
        assertEquals(Vector.GP, f.vector());
    }

    @Test
    void efermsrReadsLongModeActive_SDM_Vol3A_2_2_1() {
        PagedMachine m = run("mov $0xc0000080, %ecx", "rdmsr", "hlt");
        assertEquals(dev.tk86.isa.cpu.Cr.EFER_LMA, m.reg(Reg.RAX) & dev.tk86.isa.cpu.Cr.EFER_LMA);
    }

    @Test
    void cpuidAnswersTheDocumentedLeaves_SDM_CPUID() {
        PagedMachine m = run("xor %eax, %eax", "cpuid", "mov %eax, %r8d", "mov %ebx, %r9d", "mov %edx, %r10d", "mov %ecx, %r11d",
                "mov $0x80000001, %eax", "cpuid", "mov %edx, %r12d", "mov $0x80000008, %eax", "cpuid", "mov %eax, %r13d",
                "mov $0x40000000, %eax", "cpuid", "mov %eax, %r14d", "hlt");
        assertEquals(CpuidLeaves.MAX_BASIC, m.reg(Reg.R8));
        String vendor = new String(new byte[] {(byte) m.reg(Reg.R9), (byte) (m.reg(Reg.R9) >> 8), (byte) (m.reg(Reg.R9) >> 16),
                (byte) (m.reg(Reg.R9) >> 24), (byte) m.reg(Reg.R10), (byte) (m.reg(Reg.R10) >> 8), (byte) (m.reg(Reg.R10) >> 16),
                (byte) (m.reg(Reg.R10) >> 24), (byte) m.reg(Reg.R11), (byte) (m.reg(Reg.R11) >> 8), (byte) (m.reg(Reg.R11) >> 16),
                (byte) (m.reg(Reg.R11) >> 24)}, java.nio.charset.StandardCharsets.US_ASCII);
        assertEquals("GenuineIntel", vendor, "the default vendor is Intel (VendorRulesTest has both)");
        long ext = m.reg(Reg.R12);
        assertTrue((ext & (1L << 29)) != 0 && (ext & (1L << 20)) != 0 && (ext & (1L << 26)) != 0, "LM, NX, 1 GiB pages");
        assertEquals(0x3028, m.reg(Reg.R13), "48 linear, 40 physical address bits");
        assertEquals(0, m.reg(Reg.R14), "an unknown leaf answers like the highest basic leaf, all zeros");
    }

    @Test
    void hltStopsTheCpuAfterTheInstruction_SDM_HLT() {
        PagedMachine m = run("nop", "hlt");
        assertEquals(Cpu.State.HALTED, m.cpu().state);
        assertEquals(PagedMachine.CODE + 2, m.cpu().rip);
    }

    @Test
    void stiBlocksInterruptsUntilAfterTheNextInstruction_SDM_Vol3A_6_8_3() {
        // a self-IPI is pending while IF = 0; sti lets it in only after the mov that follows
        PagedMachine m = PagedMachine.create().asm("mov $0x83f, %ecx", "mov $0x40, %eax", "xor %edx, %edx", "wrmsr",
                "sti", "mov $1, %ebx", "nop", "hlt");
        m.run();
        assertEquals(0x40, m.haltedVector());
        assertEquals(1, m.reg(Reg.RBX));
        long pushedRip = m.cpu().read64(m.reg(Reg.RSP));
        assertEquals(PagedMachine.CODE + 20, pushedRip, "interrupted at the nop after the mov (5+5+2+2+1+5 bytes in)");
    }

    @Test
    void cliClearsInterruptFlag_SDM_CLI() {
        PagedMachine m = PagedMachine.create().asm("cli", "hlt");
        m.cpu().setRflags(Rflags.FIXED1 | Rflags.IF);
        m.runToHlt();
        assertEquals(0, m.cpu().rflags() & Rflags.IF);
    }

    @Test
    void outToPortE9WritesTheConsoleAndInFromNowhereReadsAllOnes_SDM_OUT_IN() {
        PagedMachine m = run("mov $'k', %al", "out %al, $0xe9", "mov $0x1234, %dx", "in %dx, %eax", "hlt");
        assertEquals("k", m.machine().console().text());
        assertEquals(0xFFFF_FFFFL, m.reg(Reg.RAX));
    }

    @Test
    void x2apicRegistersAreMsrs_SDM_Vol3A_11_12() {
        PagedMachine m = run("mov $" + Msr.X2APIC_ID + ", %ecx", "rdmsr", "hlt");
        assertEquals(0, m.reg(Reg.RAX));
    }
}
