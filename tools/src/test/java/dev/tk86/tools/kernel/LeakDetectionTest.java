package dev.tk86.tools.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 8, "Tests": leak detection can fail. A kernel patched so that the reaper skips one
 * uvm_uarea_free (once, for the fifth uarea it would free) finishes the workload, then finds
 * one uarea and its six pages missing, names them and powers off with status 1.
 */
@Timeout(300)
class LeakDetectionTest {
    @ParameterizedTest
    @ValueSource(strings = {"REAPER", "PURGE"})
    void aSkippedUareaFreeFailsTheWorkloadAndIsNamed(String config) {
        Path img = TestImages.patched(config, "kern/kern_exit.tk", "\tuvm_uarea_free(p);",
                "\tif kc_uarea_frees != 5 { uvm_uarea_free(p); } else { kc_uarea_frees += 1; p.p_addr = null; }");
        BootOutcome o = KernelRuns.boot(img, 2, -1, "workload=forkexit n=20");
        assertEquals(1L, o.exitStatus(), KernelRuns.describe(o));
        assertTrue(o.console().contains("\nleak: 1 uareas, 0 vmspaces, 0 page-table pages, 6 pages, 0 procs, 0 processes not returned"),
                o.console());
        assertTrue(o.console().contains("\nworkload forkexit: powering off with status 1\n"), o.console());
    }
}
