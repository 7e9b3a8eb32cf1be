package dev.tk86.tools.bench;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import java.util.List;
import java.util.Locale;

/** The TKL benchmark's table for people and its one-line JSON for scripts. */
public final class TklBenchReport {
    private TklBenchReport() {}

    /**
     * {@code {"fast_stmts_per_s":..,"step_stmts_per_s":..}}: for each mode the slower of the
     * programs (median statements per second, rounded to an integer).
     */
    public static String json(List<TklBenchResult> results) {
        JsonObjectBuilder o = new JsonObjectBuilder();
        for (boolean stepping : new boolean[] {false, true}) {
            double slowest = results.stream().filter(r -> r.stepping() == stepping).mapToDouble(TklBenchResult::median).min().orElse(-1);
            if (slowest >= 0) o.put(stepping ? "step_stmts_per_s" : "fast_stmts_per_s", new JsonValue.JsonNumber(Long.toString(Math.round(slowest))));
        }
        return JsonWriter.write(o.build());
    }

    public static String table(List<TklBenchResult> results) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-8s %-5s %11s %12s %5s %14s %19s %14s%n",
                "program", "mode", "iterations", "statements", "runs", "median Mstmt/s", "min..max Mstmt/s", "CPU Mstmt/s"));
        for (TklBenchResult r : results) {
            s.append(String.format(Locale.ROOT, "%-8s %-5s %11d %12d %5d %14.1f %19s %14.1f%n", r.program().key(), r.mode(),
                    r.iterations(), r.statements(), r.runs().size(), r.median() / 1e6,
                    String.format(Locale.ROOT, "%.1f..%.1f", r.min() / 1e6, r.max() / 1e6), r.medianCpu() / 1e6));
        }
        return s.toString();
    }
}
