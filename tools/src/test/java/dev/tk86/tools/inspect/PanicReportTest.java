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
}
