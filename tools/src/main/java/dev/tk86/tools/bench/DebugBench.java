package dev.tk86.tools.bench;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugTarget;
import dev.tk86.tools.debug.Stop;
import dev.tk86.tools.inspect.KernelInspector;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The cost of a debugger breakpoint that is never hit (issue 10: under 1.2x): the same boot run
 * plainly and under the debugger with breakpoints set, alternately, timing only the runs (not
 * the loading). Both must end alike, after the same number of steps: a breakpoint that is not
 * hit changes nothing the guest does.
 */
public final class DebugBench {
    /** Medians of the plain and the breakpointed runs; times in nanoseconds. */
    public record Result(String image, List<String> breakpoints, long steps, long plainWall, long plainCpu, long breakWall, long breakCpu, int runs) {
        public double wallRatio() { return (double) breakWall / plainWall; }

        public double cpuRatio() { return (double) breakCpu / plainCpu; }
    }

    private final PrintWriter progress;

    public DebugBench(PrintWriter progress) { this.progress = progress; }

    public Result run(Path image, BootOptions options, List<String> breakpoints, int runs, int warmups) throws ImageException {
        long[] pw = new long[runs], pc = new long[runs], bw = new long[runs], bc = new long[runs];
        long steps = -1;
        for (int i = -warmups; i < runs; i++) {
            long[] plain = plain(image, options), debugged = debugged(image, options, breakpoints);
            if (plain[2] != debugged[2]) throw new IllegalStateException("the breakpointed run took " + debugged[2] + " steps, the plain one " + plain[2]);
            steps = plain[2];
            if (i < 0) continue;
            pw[i] = plain[0]; pc[i] = plain[1]; bw[i] = debugged[0]; bc[i] = debugged[1];
            progress.printf("run %d: plain %.1f ms, with breakpoints %.1f ms%n", i + 1, plain[0] / 1e6, debugged[0] / 1e6);
            progress.flush();
        }
        return new Result(image.getFileName().toString(), breakpoints, steps, median(pw), median(pc), median(bw), median(bc), runs);
    }

    private static long[] plain(Path image, BootOptions options) throws ImageException {
        Machine m = GuestBoot.boot(image, options).machine();
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long c0 = t.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        RunResult r = m.run(options.maxSteps());
        long w1 = System.nanoTime(), c1 = t.getCurrentThreadCpuTime();
        if (r.reason() != RunResult.Reason.POWER_OFF) throw new IllegalStateException("the plain run did not power off: " + r.detail());
        return new long[]{w1 - w0, c1 - c0, m.counters().get("steps")};
    }

    private static long[] debugged(Path image, BootOptions options, List<String> breakpoints) throws ImageException {
        KernelInspector k = GuestBoot.boot(image, options);
        DebugTarget target = DebugTarget.of(image, k);
        Controller c = new Controller(target, options.maxSteps());
        for (String b : breakpoints) {
            long a = target.address(b).orElseThrow(() -> new IllegalArgumentException("the image has no symbol '" + b + "'"));
            c.breakpoints().add(b, a, target.cpu(0), null, false);
        }
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        long c0 = t.getCurrentThreadCpuTime(), w0 = System.nanoTime();
        Stop s = c.cont();
        long w1 = System.nanoTime(), c1 = t.getCurrentThreadCpuTime();
        if (s.kind() != Stop.Kind.EXITED) throw new IllegalStateException("a breakpoint that should never be hit stopped the run: " + s);
        return new long[]{w1 - w0, c1 - c0, k.machine().counters().get("steps")};
    }

    private static long median(long[] v) {
        long[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /** The breakpoints used by default: x86 code that a normal run never reaches, and a TKL function likewise. */
    public static List<String> defaultBreakpoints(DebugTarget t) {
        List<String> out = new ArrayList<>();
        for (String name : List.of("Xtrap0", "Xtrap6", "panic_trap", "halt_forever")) if (t.address(name).isPresent()) out.add(name);
        return out;
    }
}
