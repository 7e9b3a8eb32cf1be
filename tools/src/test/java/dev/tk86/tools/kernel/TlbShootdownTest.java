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
 * Issue 8, "Tests": the TLB model matters. In unmapexit a reader thread keeps a page's
 * translation in its CPU's TLB while a remapper on another CPU unmaps the page (it is freed and
 * filled with poison) and maps a fresh one at the same address (pmap_remove, SDM Vol. 3A 4.10.5:
 * a CPU must invalidate translations another CPU may have cached). With the shootdown the reader
 * sees the fresh page; a kernel patched to invalidate the mapping only on the CPU that removes it (no IPI to the
 * others) lets the reader read the freed frame through its stale TLB entry, and the kernel says so.
 */
@Timeout(300)
class TlbShootdownTest {
    static Path withoutShootdown(String config) {
        return TestImages.patched(config, "arch/amd64/amd64/pmap_user.tk", "if n > 0 && pmap_tlb_shootrange(pm, sva, eva, pmap_is_curpmap(pm)) {",
                "\tfor let a = sva; a < eva; a += PAGE_SIZE { invlpg(a); } if false {	// this CPU only: no IPI to the others");
    }

    @ParameterizedTest
    @ValueSource(strings = {"REAPER", "PURGE"})
    void withTheShootdownTheOtherCpuSeesTheNewPage(String config) {
        BootOutcome o = KernelRuns.boot(TestImages.of(config), 2, -1, "workload=unmapexit");
        assertTrue(KernelRuns.clean(o), KernelRuns.describe(o));
        assertTrue(o.console().contains("TLB check: the reader saw the fresh page on another CPU: the shootdown reached it"), o.console());
    }

    @ParameterizedTest
    @ValueSource(strings = {"REAPER", "PURGE"})
    void withoutTheShootdownTheOtherCpuReadsTheFreedPageThroughItsStaleEntry(String config) {
        BootOutcome o = KernelRuns.boot(withoutShootdown(config), 2, -1, "workload=unmapexit");
        assertEquals(1L, o.exitStatus(), KernelRuns.describe(o));
        assertTrue(o.console().contains("FAILED: unmapexit: stale TLB entry: a remapped page was read through the old translation"),
                o.console());
        // What it read is the poison the page allocator wrote into the freed frame.
        assertTrue(o.console().contains("read 0xdbdbdbdbdbdbdbdb at 0xffff000 after the remap"), o.console());
    }
}
