package dev.tk86.tools.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.TestImages;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 8, "Tests": freed memory is really gone. uvm_uarea_free unmaps the uarea from every CPU
 * (a TLB shootdown), poisons its frames and returns them. A kernel patched to touch a uarea the
 * reaper has just freed faults on it (the shadow memory reports the use-after-free of the
 * uarea's range before the page fault would); its frames, read through the direct map, hold the
 * poison.
 */
@Timeout(300)
class FreedMemoryIsGoneTest {
    @Test
    void touchingAFreedUareaIsAUseAfterFreePanic() {
        Path img = TestImages.patched("REAPER", "kern/kern_exit.tk", "\tuvm_uarea_free(p);",
                "\tlet ua = p.p_addr as u64; uvm_uarea_free(p); printf(\"freed uarea holds 0x%x\\n\", *(ua as *u64));");
        BootOutcome o = KernelRuns.boot(img, 2, -1, "workload=forkexit n=3");
        assertEquals("panic", o.stop(), KernelRuns.describe(o));
        assertNotNull(o.panic());
        assertTrue(o.panic().contains("use-after-free: read of 8 bytes at 0xffff8000") && o.panic().contains("(freed uarea 0xffff8000"),
                o.panic());
        assertTrue(o.panic().contains("in reaper_free"), o.panic());
    }

    @Test
    void theFramesOfAFreedUareaHoldThePoison() {
        Path img = TestImages.patched("REAPER", "kern/kern_exit.tk", "\tuvm_uarea_free(p);",
                "\tlet pa = pmap_extract(kernel_pml4, p.p_addr as u64 + PAGE_SIZE); uvm_uarea_free(p);"
                        + " printf(\"freed uarea frame holds 0x%x\\n\", *(PMAP_DIRECT_MAP(pa) as *u64));");
        BootOutcome o = KernelRuns.boot(img, 1, -1, "workload=forkexit n=3");
        assertEquals(0L, o.exitStatus(), KernelRuns.describe(o));
        assertTrue(o.console().contains("freed uarea frame holds 0xdbdbdbdbdbdbdbdb\n"), o.console());
        assertTrue(!o.console().contains("freed uarea frame holds 0x0\n"), o.console());
    }
}
