package dev.tk86.tools.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.TestImages;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8, "Bad input": an unknown workload or parameter, or a bad value, makes the kernel print
 * the known workloads with their parameters and power off with status 64 (EX_USAGE) before any
 * process exists; parameters beyond what memory holds end in a clean out-of-memory report with
 * the counts and status 12 (ENOMEM), everything already allocated given back, never a hang.
 */
@Timeout(300)
class WorkloadCommandLineTest {
    static BootOutcome run(String cmdline) {
        return KernelRuns.boot(TestImages.of("GENERIC"), 2, -1, cmdline);
    }

    @Test
    void badWorkloadsAndParametersListTheKnownOnesAndExit64() {
        for (String[] c : List.of(new String[] {"workload=nosuch", "unknown workload 'nosuch'"},
                new String[] {"workload=forkexit m=3", "unknown parameter 'm'"},
                new String[] {"workload=forkexit n=abc", "bad number in 'n=abc'"},
                new String[] {"workload=forkexit n=0", "value out of range in 'n=0'"},
                new String[] {"workload=threads -v", "not a key=value parameter: '-v'"})) {
            BootOutcome o = run(c[0]);
            assertEquals(64L, o.exitStatus(), c[0] + ": " + KernelRuns.describe(o));
            assertTrue(o.console().contains("workload: " + c[1] + "\n"), o.console());
            assertTrue(o.console().contains("known workloads (workload=NAME key=value ...; default configure):\n"), o.console());
            for (String w : EveryWorkloadLeavesNothingBehindTest.WORKLOADS) assertTrue(o.console().contains("\n  " + w + ": "), w);
            assertTrue(o.console().contains("\n    n=100  children (1..1000000)\n"), o.console());
            assertTrue(!o.console().contains("init is pid 1"), "no process may start: " + o.console());
        }
    }

    @Test
    void moreProcessesThanMemoryHoldsIsACleanOutOfMemoryReport() {
        BootOutcome o = run("workload=forkstorm p=8 n=400");
        assertEquals(12L, o.exitStatus(), KernelRuns.describe(o));
        assertTrue(o.console().contains("workload forkstorm: out of memory: fork failed (error "), o.console());
        assertTrue(o.console().matches("(?s).*out of memory: fork failed \\(error \\d+\\): \\d+ pages free, \\d+ uareas, \\d+ vmspaces, \\d+ procs, \\d+ processes live\n.*"),
                o.console());
        assertTrue(o.console().contains("\nno leaks: every uarea, vmspace, page-table page, page and proc came back\n"), o.console());
    }

    @Test
    void morePagesThanMemoryHoldsIsACleanOutOfMemoryReport() {
        BootOutcome o = run("workload=forkexit pages=100000 n=2");
        assertEquals(12L, o.exitStatus(), KernelRuns.describe(o));
        assertTrue(o.console().contains("workload forkexit: out of memory: mmap failed (error 12)"), o.console());
        assertTrue(o.console().contains("\nno leaks: every uarea, vmspace, page-table page, page and proc came back\n"), o.console());
    }
}
