package dev.tk86.tools.check;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.monitor.Monitors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The invariants a check can report: how a run may end badly (the machine's own verdicts) and
 * what the monitors watch while it runs. Names are what users type after --invariants and what
 * tables and JSON show.
 */
public final class Invariants {
    private Invariants() { }

    /** The kernel panicked: a KASSERT or panic() of the guest itself. */
    public static final String PANIC = "panic";
    /** The workload powered off with a non-zero status: its own checks failed, or it leaked. */
    public static final String WORKLOAD = "workload";
    /** The run used its whole step budget: a hang or livelock. */
    public static final String HANG = "hang";
    /** Every CPU halted with nothing left to wake one. */
    public static final String DEADLOCK = "deadlock";
    /** A CPU shut down after a triple fault. */
    public static final String TRIPLE_FAULT = "triple_fault";

    private static final List<String> OUTCOMES = List.of(PANIC, WORKLOAD, HANG, DEADLOCK, TRIPLE_FAULT);

    /** Every name, outcomes first, then the monitors' in their order. */
    public static List<String> all() {
        List<String> all = new ArrayList<>(OUTCOMES);
        all.addAll(Monitors.names());
        return all;
    }

    /**
     * The invariants a comma-separated list names ("all" or empty: every one). An unknown name is
     * bad input listing the known ones.
     */
    public static Set<String> parse(String list) {
        Set<String> chosen = new LinkedHashSet<>();
        if (list == null || list.isBlank() || list.strip().equals("all")) {
            chosen.addAll(all());
            return chosen;
        }
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (!all().contains(name))
                throw new BadInputException("--invariants: unknown invariant '" + name + "' (known: " + String.join(", ", all()) + ")");
            chosen.add(name);
        }
        return chosen;
    }
}
