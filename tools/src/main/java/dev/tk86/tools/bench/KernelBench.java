package dev.tk86.tools.bench;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.trace.TraceConfig;
import dev.tk86.tools.trace.TraceFormat;
import dev.tk86.tools.trace.TraceKind;
import dev.tk86.tools.trace.Tracing;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code tk86 bench kernel}: the toy kernel's workloads in this JVM, guest exits per host
 * second. Each workload boots the image with {@code workload=NAME} on the command line, runs
 * untimed warm-ups (the JIT), then timed runs; only {@code Machine.run} is timed. Every run must
 * power off with status 0 and count the same exits, switches, instructions and statements.
 * With trace kinds, each workload is also run traced (events formatted and dropped), for the
 * tracing overhead.
 */
public final class KernelBench {
    public record Options(Path image, int cpus, List<String> workloads, String params, int runs, int warmups,
                          Set<TraceKind> trace, CpuVendor vendor) { }

    private final PrintWriter progress;

    public KernelBench(PrintWriter progress) { this.progress = progress; }

    public List<KernelBenchResult> run(Options o) {
        List<KernelBenchResult> out = new ArrayList<>();
        for (String w : o.workloads()) {
            String cmdline = ("workload=" + w + " " + o.params()).strip();
            for (int i = 0; i < o.warmups(); i++) {
                say("%s: warm-up %d/%d", w, i + 1, o.warmups());
                once(o, cmdline, Set.of());
                if (!o.trace().isEmpty()) once(o, cmdline, o.trace());
            }
            List<KernelBenchRun> runs = new ArrayList<>(), traced = new ArrayList<>();
            for (int i = 0; i < o.runs(); i++) {
                KernelBenchRun r = once(o, cmdline, Set.of());
                say("%s: run %d/%d: %s in %.3f s = %.0f exits/s", w, i + 1, o.runs(), r.guestCounts(), r.wallNanos() / 1e9, r.exitsPerSecond());
                same(w, runs, r);
                runs.add(r);
                if (!o.trace().isEmpty()) {
                    KernelBenchRun t = once(o, cmdline, o.trace());
                    say("%s: traced run %d/%d: %.3f s", w, i + 1, o.runs(), t.wallNanos() / 1e9);
                    same(w, runs, t);
                    traced.add(t);
                }
            }
            out.add(new KernelBenchResult(w, cmdline, runs, traced));
        }
        return out;
    }

    private static void same(String w, List<KernelBenchRun> runs, KernelBenchRun r) {
        if (!runs.isEmpty() && !runs.get(0).guestCounts().equals(r.guestCounts()))
            throw new ToolFailureException(w + ": runs differ in the guest (" + runs.get(0).guestCounts() + " and " + r.guestCounts() + ")");
    }

    private static KernelBenchRun once(Options o, String cmdline, Set<TraceKind> trace) {
        KernelInspector k;
        MachineConfig config = MachineConfig.defaults().withCpus(o.cpus()).withVendor(o.vendor());
        try {
            k = GuestBoot.boot(o.image(), new BootOptions(config, cmdline, Long.MAX_VALUE));
        } catch (ImageException e) {
            throw new ToolFailureException(o.image() + ": " + e.getMessage());
        }
        Tracing tracing = Tracing.attach(k, new TraceConfig(trace, Optional.empty(), TraceFormat.TEXT, Optional.empty()),
                new PrintWriter(Writer.nullWriter()));
        TimedRun t = TimedRun.of(k.machine());
        tracing.finish();
        RunResult r = t.result();
        if (r.reason() != RunResult.Reason.POWER_OFF || r.exitStatus() != 0) {
            String console = k.machine().console().text().strip();
            String last = console.isEmpty() ? "" : console.substring(console.lastIndexOf('\n') + 1);
            throw new ToolFailureException(cmdline + ": the kernel did not power off with status 0 (" + r.reason().name().toLowerCase(Locale.ROOT)
                    + (r.reason() == RunResult.Reason.POWER_OFF ? " " + r.exitStatus() : "") + ": " + last + ")");
        }
        Map<String, Long> kernel = k.counters(), machine = k.machine().counters();
        Long exits = kernel.get("exits");
        if (exits == null || exits == 0)
            throw new ToolFailureException(cmdline + ": the kernel counted no exits (kc_exits): is " + o.image() + " the toy kernel?");
        return new KernelBenchRun(t.wallNanos(), t.cpuNanos(), exits, kernel.getOrDefault("context_switches", 0L),
                machine.get("x86_instructions"), machine.get("tkl_statements"), machine.get("steps"));
    }

    private void say(String format, Object... args) {
        progress.println("bench kernel: " + String.format(Locale.ROOT, format, args));
        progress.flush();
    }
}
