package dev.tk86.tools.monitor;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.CpuView;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where monitors report. The first violation is kept with its backtrace and thread (read at
 * once, before the machine moves on) and stops the run; later ones are ignored, since what
 * follows a broken invariant is not worth reporting.
 */
public final class Reporter {
    private final KernelInspector kernel;
    private final java.util.Set<String> chosen;
    private Violation first;

    /** Reports only the invariants in {@code chosen}; others are watched but not reported. */
    public Reporter(KernelInspector kernel, java.util.Set<String> chosen) {
        this.kernel = kernel;
        this.chosen = chosen;
    }

    public boolean reports(String invariant) { return chosen.contains(invariant); }

    public boolean violated() { return first != null; }

    public Optional<Violation> first() { return Optional.ofNullable(first); }

    /** Records a violation on {@code cpu} now, with the events that led to it. */
    public void report(String invariant, Cpu cpu, String message, List<String> events) {
        if (first != null || !chosen.contains(invariant)) return;
        CpuView v = kernel.cpu(cpu.id);
        first = new Violation(invariant, cpu.id, cpu.steps, thread(v), message, backtrace(v), events);
    }

    private static String thread(CpuView v) {
        try {
            Optional<ThreadInfo> t = v.curproc();
            return t.map(p -> "pid " + p.pid() + " tid " + p.tid() + " " + p.command()).orElse("-");
        } catch (InspectException e) {
            return "- (" + e.getMessage() + ")";
        }
    }

    private static List<String> backtrace(CpuView v) {
        List<String> lines = new ArrayList<>();
        try {
            for (String l : v.backtraceText().split("\n")) if (!l.isBlank()) lines.add(l);
        } catch (InspectException e) {
            lines.add("(no backtrace: " + e.getMessage() + ")");
        }
        return lines;
    }
}
