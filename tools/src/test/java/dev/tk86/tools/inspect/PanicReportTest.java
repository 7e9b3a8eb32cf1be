package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.BootReport;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.boot.TestImages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Issue 8, "a panic's backtrace matches a golden file": the PANIC test kernel
 * (test resources kernels/panic) panics in TKL deep() called from x86 x86_relay, called from
 * TKL outer() and main(), called from x86 start. The report names the message, the CPU, the
 * thread (none: that kernel has no threads) and every frame: symbol+offset for x86, function,
 * arguments and file:line for TKL.
 */
public class PanicReportTest {
    public static String golden(String name) throws IOException {
        try (InputStream in = PanicReportTest.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) throw new AssertionError("missing golden file " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aPanicsBacktraceMatchesTheGoldenFile() throws IOException, ImageException {
        BootOutcome o = GuestBoot.run(TestImages.testKernel("panic"),
                new BootOptions(MachineConfig.defaults().withCpus(1), "", 1_000_000), b -> { });
        String text = BootReport.text(o);
        String report = text.substring(0, text.indexOf("  steps "));
        assertEquals(golden("panic-backtrace.txt"), report.replaceFirst("after \\d+ steps", "after N steps"));
    }

    @Test
    void aPanicInAWorkloadNamesTheRunningThreadAndWalksBackToProcTrampoline() throws ImageException {
        java.nio.file.Path img = TestImages.patched("GENERIC", "workload/forkexit.tk", "u_fill(USER_BASE, pages, u_pid());",
                "\tif i == 3 { panic(\"forkexit: child %u panics\", i); }");
        BootOutcome o = GuestBoot.run(img, new BootOptions(MachineConfig.defaults().withCpus(2), "workload=forkexit n=8", 100_000_000), b -> { });
        PanicReport r = o.panicReport().orElseThrow(() -> new AssertionError(o.console()));
        assertEquals("forkexit: child 3 panics", r.message());
        dev.tk86.tools.inspect.proc.ThreadInfo t = r.thread().orElseThrow();
        assertEquals("forkexit", t.command(), "the child runs under its parent's name");
        org.junit.jupiter.api.Assertions.assertTrue(t.pid() > 1 && t.tid() > t.pid(), t.toString());
        assertEquals(r.cpu(), t.cpu(), "the panicking CPU runs that thread");
        assertEquals("forkexit_child", r.frames().get(0).function());
        assertEquals("workload/forkexit.tk", r.frames().get(0).site().orElseThrow().file());
        org.junit.jupiter.api.Assertions.assertTrue(r.frames().stream().anyMatch(f -> f.function().equals("proc_trampoline") && !f.tkl()),
                String.join("\n", r.lines()));
        org.junit.jupiter.api.Assertions.assertTrue(BootReport.text(o).contains(String.format("  on cpu%d, pid %d tid %d (forkexit)%n", r.cpu(), t.pid(), t.tid())),
                BootReport.text(o));
    }
}
