package dev.tk86.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.check.CheckReport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "A Java API for a user's own JUnit tests": the README's worked example, run. A
 * kernel built from a configuration and a patch, booted with a seed, stepped, read by symbol
 * and type, then checked across seeds.
 */
@Timeout(300)
class JavaApiExampleTest {
    @TempDir Path tmp;

    @Test
    void aUsersTestBuildsAKernelWithAPatchBootsItStepsItReadsItAndChecksIt() throws Exception {
        // the user's change: power off with status 3 instead of 0
        Path diff = Files.writeString(tmp.resolve("status3.diff"), TestImages.diff("kern/init_main.tk", "cpu_powerdown(0);", "\tcpu_powerdown(3);"));
        Kernel kernel = Kernel.builder().config("SMOKE").patch(diff).build();

        try (Run run = kernel.boot(BootSpec.builder().cpus(2).seed(7).build())) {
            RunResult partway = run.step(2_000);
            assertEquals(RunResult.Reason.STEP_LIMIT, partway.reason());
            assertFalse(run.finished());
            RunResult end = run.runToEnd();
            assertEquals(RunResult.Reason.POWER_OFF, end.reason());
            assertEquals(3, end.exitStatus());
            assertEquals(1, run.read("cpus_hatched"), "one AP hatched");
            assertEquals(1, run.read(1, "curcpu()->ci_cpuid"), "cpu1's own cpu_info, through its GS base");
            assertTrue(run.console().contains("cpu1: hatched"), run.console());
            assertTrue(run.replayCommand().startsWith("tk86 replay --config SMOKE --patch " + diff + " --cpus 2 --seed 7"));
        }

        CheckReport report = kernel.check(CheckSpec.builder().seeds(3).jobs(2).build());
        assertEquals(3, report.runs());
        assertEquals(3, report.violationsByInvariant().get("workload"), "every run powers off with status 3");
        assertEquals(0, report.workloads().get("forkexit").firstFailure().seed());
    }

    @Test
    void theSameSeedStepsTheSameRun() {
        Kernel kernel = Kernel.builder().image(TestImages.of("SMOKE")).build();
        long[] steps = new long[2];
        for (int i = 0; i < 2; i++)
            try (Run run = kernel.boot(BootSpec.builder().cpus(4).seed(11).build())) {
                steps[i] = run.runToEnd().steps();
            }
        assertEquals(steps[0], steps[1]);
    }
}
