package dev.tk86.tools.check;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.monitor.Monitors;
import dev.tk86.tools.monitor.Violation;
import dev.tk86.tools.monitor.Watch;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * One run with its monitors: boot, run until the first violation or the end, and judge. The
 * monitors' finding comes first; then how the machine stopped, in the order the invariants
 * list them.
 */
public final class RunExecution {
    private RunExecution() { }

    /** What a run leaves: the verdict, the boot outcome (console, counters) and the monitors that watched. */
    public record Result(RunVerdict verdict, BootOutcome outcome, Watch watch) { }

    public static Result run(Path image, RunSpec spec, Set<String> invariants, IntConsumer console) {
        return run(image, spec, invariants, console, k -> { });
    }

    /** {@code attach} runs after the monitors are attached and before the run (replay's traces). */
    public static Result run(Path image, RunSpec spec, Set<String> invariants, IntConsumer console, GuestBoot.Attach attach) {
        KernelInspector k;
        try {
            k = GuestBoot.boot(image, spec.bootOptions());
        } catch (ImageException e) {
            throw new BadInputException(image + ": " + e.getMessage());
        }
        k.machine().console().setListener(console);
        // A check run is one short boot on a fresh machine: compiling its hot blocks (a hidden
        // class each, per machine) costs more than it saves (docs/performance.md, "tk86 check").
        k.machine().code().compileBlocks = false;
        Watch watch = Monitors.attach(k, invariants);
        attach.attach(k);
        RunResult r = k.machine().run(spec.maxSteps());
        Optional<Violation> v = watch.finish();
        BootOutcome o = GuestBoot.outcome(k, r);
        return new Result(judge(spec, invariants, r, o, v, whereCpusAre(k)), o, watch);
    }

    static RunVerdict judge(RunSpec spec, Set<String> invariants, RunResult r, BootOutcome o, Optional<Violation> v, String where) {
        long steps = r.steps();
        if (v.isPresent()) return new RunVerdict(spec, v.get().invariant(), v.get().message(), steps, v);
        String inv;
        String msg;
        switch (r.reason()) {
            case PANIC -> { inv = Invariants.PANIC; msg = "panic: " + o.panic(); }
            case STEP_LIMIT -> { inv = Invariants.HANG; msg = "no end after " + steps + " steps (the step budget): a hang; " + where; }
            case ALL_HALTED -> { inv = Invariants.DEADLOCK; msg = r.detail(); }
            case TRIPLE_FAULT -> { inv = Invariants.TRIPLE_FAULT; msg = r.detail(); }
            case POWER_OFF -> {
                if (r.exitStatus() == 0) return new RunVerdict(spec, null, "", steps, Optional.empty());
                inv = Invariants.WORKLOAD;
                msg = "the workload powered off with status " + r.exitStatus() + lastLine(o.console());
            }
            default -> { inv = Invariants.HANG; msg = r.detail(); }
        }
        if (!invariants.contains(inv)) return new RunVerdict(spec, null, "", steps, Optional.empty());
        return new RunVerdict(spec, inv, msg, steps, Optional.empty());
    }

    /** Where each CPU is, for a hang: "cpu0 at mtx_enter+0x12, cpu1 halted at ...". */
    private static String whereCpusAre(KernelInspector k) {
        StringBuilder s = new StringBuilder();
        for (var c : k.machine().cpus()) {
            if (s.length() > 0) s.append(", ");
            s.append("cpu").append(c.id).append(' ').append(c.state.name().toLowerCase(java.util.Locale.ROOT)).append(" at ")
                    .append(k.image().symbolize(c.rip));
        }
        return s.toString();
    }

    private static String lastLine(String console) {
        String t = console.strip();
        if (t.isEmpty()) return "";
        int nl = t.lastIndexOf('\n');
        String line = t.substring(nl + 1);
        // the kernel's last words usually say which check failed
        return ": " + (line.length() > 160 ? line.substring(0, 160) + "..." : line);
    }
}
