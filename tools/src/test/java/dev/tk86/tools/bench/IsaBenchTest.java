package dev.tk86.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.CpuVendor;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The benchmark harness on tiny iteration counts (no timing is asserted: speed is measured
 * only by running {@code tk86 bench isa}). Every run already checks the checksum against the
 * native build and the instruction count against each loop's exact per-iteration count; these tests check what the harness promises about paging and the TLB.
 */
@Timeout(120)
class IsaBenchTest {
    private static LoopResult run(BenchLoop loop, double scale) {
        List<LoopResult> r = new IsaBench(null).run(new IsaBench.Options(null, scale, 1, 1, List.of(loop), CpuVendor.INTEL));
        return r.get(0);
    }

    @Test
    void everyLoopReproducesTheNativeChecksumAndTheReadmeInstructionCount() {
        for (BenchLoop loop : BenchLoop.ALL) { // the built-in sources: nothing outside the repository
            LoopResult r = run(loop, 0.0005);
            long perIteration = (long) loop.perIteration() * r.iterations();
            assertTrue(r.instructions() > perIteration && r.instructions() < perIteration + 40_000,
                    () -> loop.key() + ": " + r.instructions() + " instructions for " + r.iterations() + " iterations");
        }
    }

    @Test
    void theCr3VariantLoadsCr3OnEverySwitchAndWalksAgainAfterEachLoad() {
        // SDM Vol. 3A, 4.10.4.1: mov to CR3 invalidates all non-global TLB entries, and the
        // benchmark maps nothing global, so every switch must walk for its code and stack.
        LoopResult r = run(BenchLoop.SWCR3, 0.0005);
        BenchRun run = r.runs().get(0);
        assertEquals(2 * r.iterations(), run.cr3Loads());
        assertTrue(run.pageWalks() >= 2 * r.iterations(), () -> run.pageWalks() + " walks for " + run.cr3Loads() + " CR3 loads");
    }

    @Test
    void withoutCr3LoadsTheTlbKeepsItsTranslations() {
        LoopResult r = run(BenchLoop.SWITCH, 0.0005);
        assertEquals(0, r.runs().get(0).cr3Loads());
        assertTrue(r.runs().get(0).pageWalks() < 10, "a handful of pages, each walked once");
    }
}
