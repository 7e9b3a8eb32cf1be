package dev.tk86.tools.bench;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.isa.cpu.CpuVendor;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code tk86 bench tkl}: statements per second of TKL code, for a loop-heavy and a
 * call-heavy program, in fast mode and in statement-stepping mode, on one emulated CPU with
 * paging on (the loader's boot page tables), booted from an image built with the stub and
 * GNU as/ld as any kernel is. Each program runs at a small size to warm the JIT up, then
 * several times at full size; every run must compute the Java reference's result, and the
 * two sizes must differ by exactly (statements per iteration) x (difference in iterations).
 *
 * <p>Only here is the host clock read, around {@code Machine.run}, outside the machine.
 */
public final class TklBench {
    public record Options(double scale, int runs, int warmups, List<TklBenchProgram> programs, List<Boolean> modes, CpuVendor vendor) {}

    private final PrintWriter progress;

    public TklBench(PrintWriter progress) { this.progress = progress; }

    public List<TklBenchResult> run(Options o) {
        byte[] image = TklBenchImage.build();
        List<TklBenchResult> out = new ArrayList<>();
        for (TklBenchProgram p : o.programs()) {
            for (boolean stepping : o.modes()) out.add(measure(image, p, stepping, o));
        }
        return out;
    }

    private TklBenchResult measure(byte[] image, TklBenchProgram p, boolean stepping, Options o) {
        String mode = stepping ? "step" : "fast";
        long iters = Math.max(2, Math.round(p.iterations() * o.scale()));
        long warmIters = Math.max(1, iters / 8);
        say("%s/%s: %d iterations, warming up", p.key(), mode, iters);
        long warmStatements = -1;
        for (int i = 0; i < o.warmups(); i++) warmStatements = once(image, p, stepping, warmIters, o.vendor()).statements();
        List<TklBenchResult.Run> runs = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            TklBenchResult.Run r = once(image, p, stepping, iters, o.vendor());
            runs.add(r);
            say("%s/%s: run %d: %d statements in %.3f s = %.1f M/s (CPU time %.3f s = %.1f M/s)", p.key(), mode, i + 1,
                    r.statements(), r.nanos() / 1e9, r.rate() / 1e6, r.cpuNanos() / 1e9, r.cpuRate() / 1e6);
        }
        long statements = runs.get(0).statements();
        for (TklBenchResult.Run r : runs)
            if (r.statements() != statements)
                throw new ToolFailureException(p.key() + "/" + mode + ": runs executed different statement counts: " + statements + " and " + r.statements());
        if (warmStatements >= 0 && statements - warmStatements != (long) p.perIteration() * (iters - warmIters))
            throw new ToolFailureException(String.format("%s/%s: %d statements for %d iterations and %d for %d differ by %d, but %d per iteration makes %d",
                    p.key(), mode, statements, iters, warmStatements, warmIters, statements - warmStatements, p.perIteration(),
                    (long) p.perIteration() * (iters - warmIters)));
        return new TklBenchResult(p, stepping, iters, statements, runs);
    }

    private static TklBenchResult.Run once(byte[] image, TklBenchProgram p, boolean stepping, long iterations, CpuVendor vendor) {
        BootedImage b;
        try {
            b = BootLoader.boot(image, MachineConfig.defaults().withCpus(1).withVendor(vendor), "", new TklRuntimeBinder(rt -> rt.setStepping(stepping)));
        } catch (ImageException e) {
            throw new ToolFailureException("the benchmark image does not boot: " + e.getMessage());
        }
        Machine m = b.machine();
        write(b, "mode", 4, p.mode());
        write(b, "n_iter", 8, iterations);
        TimedRun timed = TimedRun.of(m);
        RunResult r = timed.result();
        if (r.reason() != RunResult.Reason.POWER_OFF)
            throw new ToolFailureException(p.key() + ": the benchmark kernel did not power off: " + r.reason() + " " + r.detail());
        long result = read(b, "bench_result");
        long expected = p.expected().applyAsLong(iterations);
        if (result != expected)
            throw new ToolFailureException(String.format("%s: the kernel computed 0x%x for %d iterations, the Java reference 0x%x",
                    p.key(), result, iterations, expected));
        return new TklBenchResult.Run(m.counters().get("tkl_statements"), timed.wallNanos(), timed.cpuNanos());
    }

    private static long physical(BootedImage b, String symbol) {
        long va = b.image().symbols().lookup(symbol).orElseThrow(() -> new ToolFailureException("no symbol " + symbol)).value();
        return b.image().segmentAt(va).orElseThrow().physicalOf(va);
    }

    private static void write(BootedImage b, String symbol, int size, long value) {
        b.machine().memory().write(physical(b, symbol), size, value);
    }

    private static long read(BootedImage b, String symbol) { return b.machine().memory().read(physical(b, symbol), 8); }

    private void say(String format, Object... args) {
        if (progress == null) return;
        progress.println("tk86 bench: " + String.format(format, args));
        progress.flush();
    }
}
