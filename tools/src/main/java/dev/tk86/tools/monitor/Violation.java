package dev.tk86.tools.monitor;

import java.util.List;

/**
 * A broken invariant, as found while the machine ran.
 *
 * @param invariant the invariant's name (see {@code tk86 check --invariants})
 * @param cpu       the CPU that broke it
 * @param step      that CPU's step count (its TSC) at the time
 * @param thread    the running thread ("pid 3 tid 103 forkexit"), or "-" before the first one
 * @param message   one line: what was expected and what was found
 * @param backtrace the CPU's backtrace across x86 and TKL frames, innermost first
 * @param events    what led to it: the last allocation and free of the memory involved, the last
 *                  switches on that CPU, oldest first
 */
public record Violation(String invariant, int cpu, long step, String thread, String message,
                        List<String> backtrace, List<String> events) {
    public Violation {
        backtrace = List.copyOf(backtrace);
        events = List.copyOf(events);
    }

    /** The report people read: a headline, then the backtrace and the events, indented. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append("violation of ").append(invariant).append(" on cpu").append(cpu).append(" at step ").append(step)
                .append(" (").append(thread).append("): ").append(message).append('\n');
        if (!backtrace.isEmpty()) {
            s.append("  backtrace:\n");
            for (String f : backtrace) s.append("    ").append(f).append('\n');
        }
        if (!events.isEmpty()) {
            s.append("  events before it:\n");
            for (String e : events) s.append("    ").append(e).append('\n');
        }
        return s.toString();
    }
}
