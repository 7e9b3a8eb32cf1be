package dev.tk86.tools.compare;

import java.util.Locale;

/** The comparison as a table: one row per counter, A and B means, B/A and the per-seed spread. */
public final class CompareTable {
    private CompareTable() { }

    public static String text(Comparison.Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "A = %s, B = %s; workload %s on %d CPUs, %d seeds (PCT)%n", r.labelA(), r.labelB(),
                r.workload(), r.cpus(), r.seeds()));
        s.append(String.format(Locale.ROOT, "%-32s %16s %16s %8s  %s%n", "counter", "A (mean)", "B (mean)", "B/A", "B/A per seed (min..max)"));
        for (CounterStats c : r.counters()) {
            s.append(String.format(Locale.ROOT, "%-32s %16.1f %16.1f %8s  %s%n", c.name(), c.meanA(), c.meanB(),
                    c.hasRatio() ? String.format(Locale.ROOT, "%.3f", c.ratio()) : "-",
                    Double.isNaN(c.minRatio()) ? "-" : String.format(Locale.ROOT, "%.3f..%.3f", c.minRatio(), c.maxRatio())));
        }
        for (String f : r.failedRuns()) s.append("warning: ").append(f).append('\n');
        return s.toString();
    }
}
