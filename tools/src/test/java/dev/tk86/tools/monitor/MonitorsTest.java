package dev.tk86.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.check.ImageSource;
import dev.tk86.tools.check.Invariants;
import dev.tk86.tools.check.RunExecution;
import dev.tk86.tools.check.RunSpec;
import dev.tk86.tools.check.RunVerdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 11, "Monitors": each monitor stays silent on the correct kernels and fires on a kernel
 * changed to break exactly its rule (a one-line patch of the tree), reporting that invariant,
 * with the CPU, the thread, a backtrace and the events before it. Only the invariant under test
 * is reported in each mutant run, so a broken rule cannot hide behind another one.
 */
@Timeout(900)
class MonitorsTest {
    @BeforeAll
    static void theRealKernelIsInTheTree() {
        assumeTrue(Files.isRegularFile(TestImages.LAYOUT.config("REAPER")) && Files.isRegularFile(TestImages.LAYOUT.config("PURGE")), "the monitors watch the real kernel (REAPER, PURGE: issue 8)");
    }

    private static RunVerdict run(Path image, String workload, int cpus, long seed, Set<String> invariants) {
        MachineConfig m = MachineConfig.defaults().withCpus(cpus).withQuantum(200).withSchedule(Schedule.PCT, seed)
                .withPct(new PctParameters(3, 1_000_000));
        RunSpec spec = RunSpec.of(new ImageSource.File(image), m, workload, 50_000_000L);
        return RunExecution.run(image, spec, invariants, b -> { }).verdict();
    }

    /** The first of {@code seeds} runs that breaks {@code invariant}, failing the test if none does. */
    private static RunVerdict caught(Path image, String workload, String invariant, int seeds) {
        for (long seed = 0; seed < seeds; seed++) {
            RunVerdict v = run(image, workload, 2, seed, Set.of(invariant));
            if (!v.clean()) {
                assertEquals(invariant, v.invariant(), v::text);
                assertTrue(v.violation().isPresent(), v::text);
                Violation x = v.violation().get();
                assertFalse(x.backtrace().isEmpty(), x::text);
                assertTrue(x.text().contains("violation of " + invariant + " on cpu" + x.cpu() + " at step "), x::text);
                return v;
            }
        }
        throw new AssertionError(invariant + " not caught in " + seeds + " seeds");
    }

    @ParameterizedTest(name = "{0} {1} on 2 CPUs")
    @CsvSource({"REAPER, forkexit", "REAPER, threads", "REAPER, vfork", "PURGE, forkexit", "PURGE, threads"})
    void noMonitorFiresOnTheCorrectKernels(String config, String workload) {
        for (long seed = 0; seed < 2; seed++) {
            RunVerdict v = run(TestImages.of(config), workload, 2, seed, Set.copyOf(Invariants.all()));
            assertTrue(v.clean(), () -> config + " " + workload + " seed: " + v.text());
        }
    }

    @Test
    void switchPmapFiresWhenCpuSwitchtoDropsTheCiProcPmapStore() {
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/locore.S", "movq\t%rbx, CPUVAR(PROC_PMAP)", "\tnop"),
                "forkexit", "switch_pmap", 3);
    }

    @Test
    void switchCr3FiresWhenCpuSwitchtoNeverLoadsCr3() {
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/locore.S", "movq\t%rax, %cr3", "\tnop"), "forkexit", "switch_cr3", 3);
    }

    @Test
    void switchCurprocFiresWhenCpuSwitchtoSkipsSettingCurpcb() {
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/locore.S", "movq\t%r13, CPUVAR(CURPCB)", "\tnop"),
                "forkexit", "switch_curproc", 3);
    }

    @Test
    void switchRegsFiresWhenCpuSwitchtoRestoresACalleeSavedRegisterWrongly() {
        // %rbx is popped into %rbp: the thread resumes with the wrong %rbp and the pmap in %rbx
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/locore.S", "popq\t%rbx", "\tpopq\t%rbp"), "forkexit", "switch_regs", 3);
    }

    @Test
    void switchInterruptsFiresWhenMiSwitchCallsCpuSwitchtoWithInterruptsOn() {
        caught(TestImages.patched("REAPER", "kern/sched_bsd.tk", "cpu_switchto(p, next);", "\tintr_enable(); cpu_switchto(p, next);"),
                "forkexit", "switch_interrupts", 3);
    }

    @Test
    void stackInUareaFiresWhenCpuSwitchtoForgetsTheStackSwitch() {
        // the new thread runs on the old thread's stack
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/locore.S", "movq\tPCB_RSP(%r13), %rsp", "\tnop"), "forkexit",
                "stack_in_uarea", 3);
    }

    @Test
    void freedUareaFiresWhenAnExitingThreadFreesTheStackItRunsOn() {
        RunVerdict v = caught(TestImages.patched("REAPER", "kern/kern_exit.tk", "\tcpu_exit(p);",
                "\tuvm_uarea_free_va(p.p_addr as u64); cpu_exit(p);"), "forkexit", "freed_uarea", 3);
        assertTrue(v.violation().get().events().stream().anyMatch(e -> e.startsWith("last free: uarea 0x")), v::text);
    }

    @Test
    void freedPtpCr3FiresWhenAnExitingProcessFreesTheAddressSpaceItRunsOn() {
        caught(TestImages.patched("PURGE", "kern/kern_exit.tk", "uvm_purge();", "\t\t\t\tuvm_exit(pr);"), "forkexit", "freed_ptp_cr3", 3);
    }

    @Test
    void staleTlbFiresWhenShootdownsReachNoOtherCpu() {
        caught(TestImages.patched("REAPER", "arch/amd64/amd64/pmap_user.tk", "if sva >= VM_MIN_KERNEL_ADDRESS || pmap_is_active(pm, ci) {",
                "\t\tif false {"), "forkexit", "stale_tlb", 5);
    }

    @Test
    void sdeadSleepFiresWhenADeadThreadSleeps() {
        caught(TestImages.patched("REAPER", "kern/kern_exit.tk", "p.p_stat = SDEAD;", "\tp.p_stat = SDEAD; tsleep(p as *void, \"dead\");"),
                "forkexit", "sdead_sleep", 3);
    }

    @Test
    void lockRecursionFiresWhenACpuEntersAMutexItHolds() {
        caught(TestImages.patched("REAPER", "kern/kern_synch.tk", "let s = SCHED_LOCK();", "\tlet s = SCHED_LOCK(); SCHED_LOCK();"),
                "forkexit", "lock_recursion", 3);
    }

    @Test
    void aMutexWhoseEnterWasInterruptedBeforeItTookTheLockIsNotHeld() {
        // PURGE threads: a timer interrupt lands in mtx_enter(sched_lock) before intr_disable,
        // and the handler's wakeup takes sched_lock: not a recursion (it was a false report)
        for (long seed = 0; seed < 3; seed++)
            assertTrue(run(TestImages.of("PURGE"), "threads", 2, seed, Set.of("lock_recursion", "lock_order", "lock_switch")).clean());
    }

    @Test
    void lockSwitchFiresWhenASpinMutexIsHeldAcrossASwitch() {
        caught(TestImages.patched("REAPER", "kern/kern_synch.tk", "mi_switch();",
                "\t\tlet t = mtx_enter(&uvm_page_mtx); mi_switch(); mtx_leave(&uvm_page_mtx, t);"), "forkexit", "lock_switch", 3);
    }

    @Test
    void lockOrderFiresWhenTwoMutexesAreTakenInBothOrders(@TempDir Path tmp) throws Exception {
        String kvFirst = TestImages.diff("uvm/uvm_km.tk", "let s = mtx_enter(&uarea_mtx);",
                "\tlet s = mtx_enter(&uarea_mtx); let t0 = mtx_enter(&uvm_page_mtx); mtx_leave(&uvm_page_mtx, t0);");
        String pageFirst = TestImages.diff("uvm/uvm_page.tk", "let s = mtx_enter(&uvm_page_mtx);",
                "\tlet s = mtx_enter(&uvm_page_mtx); let t0 = mtx_enter(&uarea_mtx); mtx_leave(&uarea_mtx, t0);");
        Path one = Files.writeString(tmp.resolve("one.diff"), kvFirst);
        Path both = Files.writeString(tmp.resolve("both.diff"), kvFirst + pageFirst);
        Path oneOrder = new ImageSource.Configured("REAPER", List.of(one)).image();
        assertTrue(run(oneOrder, "forkexit", 2, 0, Set.of("lock_order")).clean(), "one order alone is no reversal");
        RunVerdict v = caught(new ImageSource.Configured("REAPER", List.of(both)).image(), "forkexit", "lock_order", 3);
        assertTrue(v.message().contains("kv_uarea") && v.message().contains("uvm_page"), v::text);
    }
}
