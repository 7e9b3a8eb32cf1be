package dev.tk86.isa.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.mmu.PageTableBuilder;
import dev.tk86.isa.testing.Assembler;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/**
 * System behaviour as instructions see it, on a paged ring-0 machine: swapgs, interprocessor
 * and timer interrupts taken between instructions and returned from with iretq, hlt, the STI
 * shadow, stale translations that only invlpg or a CR3 load cure, and deterministic
 * interleaving of two CPUs.
 */
class SystemBehaviourTest {
    static final long COUNTER = PagedMachine.DATA, HANDLER = PagedMachine.DATA + 0x1000;
    static final long AP_START = 0x8000; // STARTUP vector 0x08

    /** An interrupt handler: count in COUNTER, EOI, iretq. */
    static void installCountingHandler(PagedMachine pm, int vector) {
        pm.write(HANDLER, Assembler.assembleLines(
                "push %rax", "push %rcx", "push %rdx",
                "lock incq " + COUNTER,
                "xor %eax, %eax", "xor %edx, %edx", "mov $0x80b, %ecx", "wrmsr", // x2APIC EOI
                "pop %rdx", "pop %rcx", "pop %rax",
                "iretq"));
        long lo = (HANDLER & 0xFFFF) | (0x08L << 16) | (0xEL << 40) | (1L << 47) | ((HANDLER & 0xFFFF_0000L) << 32);
        pm.memory().write(PagedMachine.IDT + vector * 16L, 8, lo);
        pm.memory().write(PagedMachine.IDT + vector * 16L + 8, 8, HANDLER >>> 32);
    }

    static long counter(PagedMachine pm) { return pm.memory().read(COUNTER, 8); }

    @Test
    void swapgsExchangesGsBaseWithKernelGsBase_SDM_Vol2B_SWAPGS() {
        PagedMachine pm = PagedMachine.create();
        pm.memory().write(PagedMachine.DATA + 0x10, 8, 0x1111);
        pm.memory().write(PagedMachine.DATA + 0x2010, 8, 0x2222);
        pm.asm("mov $0xc0000101, %ecx", "mov $" + PagedMachine.DATA + ", %eax", "xor %edx, %edx", "wrmsr",
                "mov $0xc0000102, %ecx", "mov $" + (PagedMachine.DATA + 0x2000) + ", %eax", "wrmsr",
                "mov %gs:0x10, %rbx",
                "swapgs",
                "mov %gs:0x10, %rsi",
                "mov $0xc0000102, %ecx", "rdmsr", "mov %rax, %rdi",
                "hlt");
        pm.run();
        assertEquals(0x1111, pm.reg(Reg.RBX));
        assertEquals(0x2222, pm.reg(Reg.RSI));
        assertEquals(PagedMachine.DATA, pm.reg(Reg.RDI), "KERNEL_GS_BASE now holds the old GS base");
    }

    @Test
    void timerInterruptIsTakenBetweenInstructionsAndIretqResumesTheLoop_SDM_6_14_2_and_11_5_4() {
        PagedMachine pm = PagedMachine.create();
        installCountingHandler(pm, 0x40);
        pm.asm("mov $0x83e, %ecx", "mov $0xb, %eax", "xor %edx, %edx", "wrmsr",   // divide by 1
                "mov $0x832, %ecx", "mov $0x40, %eax", "wrmsr",                      // one-shot, vector 0x40
                "mov $0x838, %ecx", "mov $100, %eax", "wrmsr",                       // fire in 100 steps
                "xor %ebx, %ebx",
                "sti",
                "1: add $1, %rbx", "cmp $1000, %rbx", "jne 1b",
                "cli", "hlt");
        RunResult r = pm.run();
        assertEquals(RunResult.Reason.ALL_HALTED, r.reason(), r.detail());
        assertEquals(1, counter(pm), "one timer interrupt");
        assertEquals(1000, pm.reg(Reg.RBX), "the interrupted loop finished with its registers intact");
        assertEquals(PagedMachine.STACK_TOP, pm.reg(Reg.RSP));
    }

    @Test
    void hltWaitsForAnInterruptAndResumesAfterIt_SDM_Vol2A_HLT() {
        PagedMachine pm = PagedMachine.create();
        installCountingHandler(pm, 0x41);
        pm.asm("mov $0x83e, %ecx", "mov $0xb, %eax", "xor %edx, %edx", "wrmsr",
                "mov $0x832, %ecx", "mov $0x41, %eax", "wrmsr",
                "mov $0x838, %ecx", "mov $5000, %eax", "wrmsr",
                "sti", "hlt",
                "mov $7, %ebx", "cli", "hlt");
        RunResult r = pm.run();
        assertEquals(RunResult.Reason.ALL_HALTED, r.reason(), r.detail());
        assertEquals(7, pm.reg(Reg.RBX));
        assertEquals(1, counter(pm));
        org.junit.jupiter.api.Assertions.assertTrue(pm.cpu().tsc() >= 5000, "time passed while halted");
    }

    @Test
    void interruptPendingAtStiIsTakenOnlyAfterTheNextInstruction_SDM_6_8_3() {
        PagedMachine pm = PagedMachine.create();
        installCountingHandler(pm, 0x42);
        // self-IPI while IF=0, then sti; mov: the interrupt arrives after the mov, so the
        // handler sees rbx already set (the handler stores nothing, so check via the saved RIP).
        pm.asm("mov $0x83f, %ecx", "mov $0x42, %eax", "xor %edx, %edx", "wrmsr", // self IPI
                "mov %rsp, %rbp",
                "sti",
                "mov $5, %ebx",
                "2: mov -40(%rbp), %rdi",  // the RIP the interrupt frame recorded
                "cli", "hlt");
        pm.run();
        assertEquals(1, counter(pm));
        long movAfterSti = PagedMachine.CODE + Assembler.assembleLines(
                "mov $0x83f, %ecx", "mov $0x42, %eax", "xor %edx, %edx", "wrmsr", "mov %rsp, %rbp", "sti", "mov $5, %ebx").length;
        assertEquals(movAfterSti, pm.reg(Reg.RDI), "delivered after the instruction following sti, not before it");
    }

    @Test
    void fixedIpiFromOneCpuRunsTheHandlerOnTheOther_SDM_10_6_1() {
        PagedMachine pm = PagedMachine.create(2);
        installCountingHandler(pm, 0x50);
        long apFrame = pm.allocFrame();
        pm.pages().map4k(AP_START, apFrame, PageTableBuilder.P | PageTableBuilder.RW);
        long flag = PagedMachine.DATA + 0x100;
        pm.write(AP_START, Assembler.assembleLines(
                "mov $" + (PagedMachine.STACK_TOP - 0x10000) + ", %rsp",
                "movq $1, " + flag,      // tell the BSP we run
                "sti",
                "1: cmpq $0, " + COUNTER, "je 1b",
                "cli", "hlt"));
        pm.asm("mov $0x830, %ecx", "mov $0x608, %eax", "mov $1, %edx", "wrmsr",   // STARTUP, vector 0x08, to cpu 1
                "1: pause", "cmpq $0, " + flag, "je 1b",
                "mov $0x830, %ecx", "mov $0x50, %eax", "mov $1, %edx", "wrmsr",   // fixed IPI 0x50 to cpu 1
                "hlt");
        RunResult r = pm.run();
        assertEquals(RunResult.Reason.ALL_HALTED, r.reason(), r.detail());
        assertEquals(1, counter(pm));
        assertEquals(Cpu.State.HALTED, pm.machine().cpu(1).state);
        assertEquals(1, pm.machine().cpu(1).interruptsDelivered);
        assertEquals(0, pm.machine().cpu(0).interruptsDelivered);
    }

    @Test
    void staleTranslationIsUsedUntilInvlpgAndAgainUntilCr3Load_SDM_4_10_4() {
        PagedMachine pm = PagedMachine.create();
        long va = 0x4000_0000L, alias = 0x5000_0000L;
        long oldFrame = pm.map(va, PageTableBuilder.RW);
        long newFrame = pm.allocFrame();
        pm.memory().write(oldFrame, 8, 0xAAAA);
        pm.memory().write(newFrame, 8, 0xBBBB);
        long pte = pm.pages().entryAddress(va, 1);
        pm.pages().map4k(alias, pte & ~0xFFFL, PageTableBuilder.P | PageTableBuilder.RW); // the page table, mapped
        long pteVa = alias + (pte & 0xFFF);
        long newPte = newFrame | PageTableBuilder.P | PageTableBuilder.RW;
        pm.asm("mov " + va + ", %rax",                       // caches the old translation
                "movabs $" + newPte + ", %rcx", "mov %rcx, " + pteVa,
                "mov " + va + ", %rbx",                       // stale: still the old frame
                "invlpg " + va,
                "mov " + va + ", %rsi",                       // new frame
                "movabs $" + (oldFrame | PageTableBuilder.P | PageTableBuilder.RW) + ", %rcx", "mov %rcx, " + pteVa,
                "mov " + va + ", %rdi",                       // stale again: the new frame
                "mov %cr3, %rdx", "mov %rdx, %cr3",
                "mov " + va + ", %r8",                        // the old frame after the CR3 load
                "hlt");
        pm.stopOnFault().run();
        assertNull(pm.fault());
        assertEquals(0xAAAA, pm.reg(Reg.RAX));
        assertEquals(0xAAAA, pm.reg(Reg.RBX));
        assertEquals(0xBBBB, pm.reg(Reg.RSI));
        assertEquals(0xBBBB, pm.reg(Reg.RDI));
        assertEquals(0xAAAA, pm.reg(Reg.R8));
    }

    /** Two CPUs increment a shared counter without lock: the outcome depends on the interleaving. */
    @Test
    void theSameProgramAndSeedGiveTheSameTraceOnTwoCpus() {
        long[] a = race(7), b = race(7), c = race(8);
        assertEquals(a[0], b[0], "same seed: same trace hash");
        assertEquals(a[1], b[1], "same seed: same final counter");
        assertNotEquals(a[0], c[0], "another seed interleaves differently");
    }

    /** PCT: a run is a function of the seed too (trace hash), and seeds differ in interleaving and outcome. */
    @Test
    void pctRunsAreAFunctionOfTheSeed() {
        long[] a = race(7, Schedule.PCT), b = race(7, Schedule.PCT);
        assertEquals(a[0], b[0], "same seed: same trace hash");
        assertEquals(a[1], b[1], "same seed: same final counter");
        java.util.Set<Long> hashes = new java.util.HashSet<>(), counters = new java.util.HashSet<>();
        for (long seed = 0; seed < 8; seed++) {
            long[] r = race(seed, Schedule.PCT);
            hashes.add(r[0]);
            counters.add(r[1]);
        }
        assertTrue(hashes.size() > 1, "seeds interleave differently");
        assertTrue(counters.size() > 1, "and lose different increments: " + counters);
    }

    private static long[] race(long seed) { return race(seed, Schedule.RANDOM); }

    private static long[] race(long seed, Schedule schedule) {
        Machine m = new Machine(MachineConfig.defaults().withCpus(2).withSchedule(schedule, seed).withQuantum(7)
                .withPct(new PctParameters(3, 20_000)));
        PagedMachine pm = PagedMachine.on(m);
        long apFrame = pm.allocFrame();
        pm.pages().map4k(AP_START, apFrame, PageTableBuilder.P | PageTableBuilder.RW);
        String body = "mov $2000, %ecx\n1: mov " + COUNTER + ", %rax\nadd $1, %rax\nmov %rax, " + COUNTER + "\ndec %ecx\njnz 1b\n";
        pm.write(AP_START, Assembler.assemble("mov $" + (PagedMachine.STACK_TOP - 0x10000) + ", %rsp\n" + body + "hlt"));
        pm.asm("mov $0x830, %ecx", "mov $0x608, %eax", "mov $1, %edx", "wrmsr", body, "hlt");
        TraceHash hash = new TraceHash();
        m.setHook(hash);
        RunResult r = m.run(1_000_000);
        assertEquals(RunResult.Reason.ALL_HALTED, r.reason(), r.detail());
        return new long[] {hash.value(), counter(pm)};
    }
}
