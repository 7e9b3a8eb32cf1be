package dev.tk86.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.tools.ToolFailureException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The boot benchmark's harness: it times whole processes, reports their median, and refuses a boot that fails. */
class BootBenchTest {
    private final StringWriter progress = new StringWriter();
    private final BootBench bench = new BootBench(new PrintWriter(progress, true));

    @Test
    void itTimesEveryRunAndReportsTheMedian() {
        BootBench.Result r = bench.run(new BootBench.Options(List.of("true"), 3, 1));
        assertEquals(3, r.seconds().size());
        assertTrue(r.seconds().stream().allMatch(s -> s > 0));
        List<Double> sorted = r.seconds().stream().sorted().toList();
        assertEquals(sorted.get(1), r.median());
        assertTrue(r.json().matches("\\{\"boot_wall_s\":[0-9]+\\.[0-9]{3}}"), r.json());
        assertTrue(progress.toString().contains("bench boot: warm-up 1/1") && progress.toString().contains("run 3/3"), progress.toString());
    }

    @Test
    void aBootThatFailsIsAToolFailureNotATime() {
        ToolFailureException e = assertThrows(ToolFailureException.class, () -> bench.run(new BootBench.Options(List.of("false"), 1, 0)));
        assertTrue(e.getMessage().startsWith("the boot exited with status 1"), e.getMessage());
    }

    @Test
    void outsideTheLauncherTheCommandIsThisJava() {
        List<String> cmd = BootBenchCommandLine.of(Path.of("/x/GENERIC.elf"), CpuVendor.AMD);
        assertTrue(cmd.get(0).endsWith("java"), cmd.toString());
        assertEquals(List.of("boot", "--cpu-vendor", "amd", "/x/GENERIC.elf"), cmd.subList(cmd.size() - 4, cmd.size()));
    }
}
