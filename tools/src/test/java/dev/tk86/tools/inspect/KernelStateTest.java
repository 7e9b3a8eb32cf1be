package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.inspect.proc.ProcessFormat;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Kernel state that is not an expression: the kc_* counters (CONTRACT: every kc_ global,
 * named without the prefix) and ps, which a kernel without processes (the smoke kernel)
 * answers with an empty table rather than an error.
 */
class KernelStateTest {
    @Test
    void everyKcGlobalIsACounterNamedWithoutThePrefixReadFromLiveMemory() {
        KernelInspector k = StoppedKernel.boot(TestImages.patched("GENERIC", "kern/init_main.tk", "extern var version: u8;",
                "extern var version: u8; var kc_zz_test: u64 = 40; var kc_aa_test: u32 = 2;"), 1);
        RunResult r = k.machine().run(50_000_000);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        Map<String, Long> c = k.counters();
        assertEquals(40L, c.get("zz_test"));
        assertEquals(2L, c.get("aa_test"));
        assertTrue(c.keySet().stream().noneMatch(n -> n.startsWith("kc_")));
        long pa = k.image().imagePhysical(k.image().address("kc_zz_test")).orElseThrow();
        k.machine().memory().write(pa, 8, 41);
        assertEquals(41L, k.counters().get("zz_test"), "the counter is read from guest memory, not from the file");
    }

    @Test
    void aKernelWithoutProcessesHasAnEmptyTableAndNoCounters() {
        KernelInspector k = StoppedKernel.boot(TestImages.testKernel("switch"), 1);
        StoppedKernel.runTo(k, "thread_b");
        assertTrue(k.cpu(0).threads().isEmpty());
        assertFalse(k.cpu(0).curproc().isPresent());
        assertEquals("no processes (the kernel has no process table yet)\n", ProcessFormat.text(k.cpu(0).threads()));
        assertEquals("column 1: curcpu(): the kernel declares no struct cpu_info",
                assertThrows(InspectException.class, () -> k.cpu(0).print("curproc")).getMessage());
        assertTrue(k.counters().isEmpty());
    }

    @Test
    void psListsEveryThreadOnAllprocWithItsProcessAndTheRunningOnesCpu() {
        KernelInspector k = StoppedKernel.boot(TestImages.of("GENERIC"), 2);
        // stop in the middle of the default workload, when a child is being forked
        long fork1 = k.image().address("fork1");
        int[] seen = {0};
        StoppedKernel.runUntil(k, c -> c.rip == fork1 && ++seen[0] == 5);
        List<ThreadInfo> ps = k.cpu(0).threads();
        ThreadInfo init = ps.stream().filter(t -> t.pid() == 1).findFirst().orElseThrow(() -> new AssertionError(ProcessFormat.text(ps)));
        assertTrue(init.tid() > 0, init.toString());
        assertTrue(ps.stream().filter(t -> t.command().equals("idle")).count() == 2, "an idle thread per CPU:\n" + ProcessFormat.text(ps));
        for (int c = 0; c < 2; c++) {
            ThreadInfo cur = k.cpu(c).curproc().orElseThrow();
            assertEquals(c, cur.cpu(), "ci_curproc's thread is marked running on its CPU");
            assertEquals("SONPROC", cur.state());
            assertTrue(ps.contains(cur), "the running thread is on allproc");
        }
        assertEquals(ProcessFormat.text(ps).lines().count(), ps.size() + 1L);
        assertEquals(k.cpu(0).print("curproc->p_tid"), Long.toString(k.cpu(0).curproc().orElseThrow().tid()));
    }
}
