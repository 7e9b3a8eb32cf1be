package dev.tk86.tools.kernel;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 8, "Tests": every workload on REAPER and PURGE, on 1, 2 and 4 CPUs, round-robin and 20
 * random seeds each (short random quanta, so CPUs interleave at arbitrary statements): the
 * kernel powers off with status 0, which it does only when every check of the workload passed
 * and every uarea, vmspace, page-table page, page and proc it allocated was returned (the
 * kernel compares its counts before and after and prints "no leaks").
 */
@Timeout(1200)
class EveryWorkloadLeavesNothingBehindTest {
    static final List<String> WORKLOADS = List.of("forkexit", "forkstorm", "vfork", "threads", "unmapexit", "nozombie", "orphans",
            "configure");
    static final int SEEDS = 20;

    static List<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (String config : List.of("REAPER", "PURGE")) for (String w : WORKLOADS) out.add(Arguments.of(config, w));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("runs")
    void exitsWithStatusZeroAndLeaksNothing(String config, String workload) {
        Path image = TestImages.of(config);
        List<String> failures = new ArrayList<>();
        for (int cpus : new int[] {1, 2, 4}) {
            for (long seed = -1; seed < SEEDS; seed++) {
                BootOutcome o = KernelRuns.boot(image, cpus, seed, "workload=" + workload);
                // Each workload says what it did, in a line of its own.
                if (!KernelRuns.clean(o) || !o.console().contains("\n" + workload + ": ")) {
                    failures.add(config + " workload=" + workload + " cpus=" + cpus + (seed < 0 ? " rr" : " seed=" + seed) + ": "
                            + KernelRuns.describe(o));
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " runs failed:\n" + String.join("\n\n", failures));
    }
}
