package dev.tk86.tools.check;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The results of a check (or of several shards merged): per workload and invariant the runs,
 * violations and first failing seed; the shortest failing run; and the rate.
 */
public final class CheckReport {
    private final List<String> invariants;
    private final Map<String, WorkloadTally> workloads = new LinkedHashMap<>();
    private Failure shortest;
    private double elapsedSeconds;
    private String shard;

    public CheckReport(List<String> invariants, List<String> workloadNames, String shard) {
        this.invariants = List.copyOf(invariants);
        for (String w : workloadNames) workloads.put(w, new WorkloadTally(invariants));
        this.shard = shard;
    }

    synchronized void add(RunVerdict v) {
        workloads.get(v.spec().workload()).add(v);
        if (!v.clean()) shortest = Failure.shortestOf(shortest, Failure.of(v));
    }

    void setElapsed(double seconds) { elapsedSeconds = seconds; }

    public long runs() { return workloads.values().stream().mapToLong(WorkloadTally::runs).sum(); }

    public long violations() {
        long n = 0;
        for (WorkloadTally t : workloads.values()) for (long c : t.violations().values()) n += c;
        return n;
    }

    public Map<String, Long> violationsByInvariant() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String i : invariants) m.put(i, 0L);
        for (WorkloadTally t : workloads.values()) for (var e : t.violations().entrySet()) m.merge(e.getKey(), e.getValue(), Long::sum);
        return m;
    }

    public Map<String, WorkloadTally> workloads() { return workloads; }

    public Failure shortest() { return shortest; }

    public double seedsPerSecond() { return elapsedSeconds > 0 ? runs() / elapsedSeconds : 0; }

    // --- text ------------------------------------------------------------------------------------

    /** The table: one row per workload and invariant, then the shortest failing replay. */
    public String text() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%-12s %-22s %8s %10s  %s%n", "workload", "invariant", "runs", "violations", "first failing seed"));
        for (var w : workloads.entrySet()) {
            WorkloadTally t = w.getValue();
            for (var e : t.violations().entrySet()) {
                Failure f = t.first().get(e.getKey());
                s.append(String.format(Locale.ROOT, "%-12s %-22s %8d %10d  %s%n", w.getKey(), e.getKey(), t.runs(), e.getValue(),
                        f == null ? "-" : f.seed() + " (" + f.cpus() + " CPUs)"));
            }
        }
        s.append(String.format(Locale.ROOT, "%d runs, %d violations, %.1f seeds/s%s%n", runs(), violations(), seedsPerSecond(),
                shard == null ? "" : " (shard " + shard + ")"));
        if (shortest != null) {
            s.append("shortest failing run: ").append(shortest.invariant()).append(" in ").append(shortest.workload())
                    .append(", seed ").append(shortest.seed()).append(", ").append(shortest.steps()).append(" steps: ")
                    .append(shortest.message()).append('\n');
            s.append("  replay: ").append(shortest.replay()).append('\n');
        }
        return s.toString();
    }

    // --- JSON ------------------------------------------------------------------------------------

    public String json() { return JsonWriter.write(toJson()); }

    JsonObject toJson() {
        JsonObjectBuilder v = new JsonObjectBuilder();
        for (var e : violationsByInvariant().entrySet()) v.put(e.getKey(), e.getValue());
        JsonObjectBuilder firstSeed = new JsonObjectBuilder();
        JsonObjectBuilder ws = new JsonObjectBuilder();
        for (var w : workloads.entrySet()) {
            Failure f = w.getValue().firstFailure();
            firstSeed.put(w.getKey(), f == null ? JsonValue.NULL : JsonValue.of(f.seed()));
            ws.put(w.getKey(), tallyJson(w.getValue()));
        }
        return new JsonObjectBuilder()
                .put("runs", runs())
                .put("violations", v.build())
                .put("first_failing_seed", firstSeed.build())
                .put("seeds_per_s", new JsonValue.JsonNumber(String.format(Locale.ROOT, "%.1f", seedsPerSecond())))
                .put("elapsed_s", new JsonValue.JsonNumber(String.format(Locale.ROOT, "%.3f", elapsedSeconds)))
                .put("shard", shard)
                .put("workloads", ws.build())
                .put("shortest_failure", shortest == null ? JsonValue.NULL : failureJson(shortest))
                .build();
    }

    private static JsonObject tallyJson(WorkloadTally t) {
        JsonObjectBuilder inv = new JsonObjectBuilder();
        for (var e : t.violations().entrySet()) {
            Failure f = t.first().get(e.getKey());
            inv.put(e.getKey(), new JsonObjectBuilder().put("violations", e.getValue())
                    .put("first", f == null ? JsonValue.NULL : failureJson(f)).build());
        }
        return new JsonObjectBuilder().put("runs", t.runs()).put("invariants", inv.build()).build();
    }

    private static JsonObject failureJson(Failure f) {
        return new JsonObjectBuilder().put("invariant", f.invariant()).put("workload", f.workload()).put("seed", f.seed())
                .put("cpus", f.cpus()).put("steps", f.steps()).put("message", f.message()).put("replay", f.replay()).build();
    }

    // --- merging shards --------------------------------------------------------------------------

    /**
     * Reads the JSON of a check (a shard) back. {@code source} names it in errors, which are
     * bad input naming the field.
     */
    public static CheckReport fromJson(JsonValue json, String source) {
        JsonObject o = ReportJson.object(json, source, "the report");
        JsonObject ws = ReportJson.object(o.get("workloads"), source, "workloads");
        List<String> invariants = List.copyOf(ReportJson.object(o.get("violations"), source, "violations").members().keySet());
        CheckReport r = new CheckReport(invariants, List.copyOf(ws.members().keySet()), ReportJson.stringOrNull(o.get("shard"), source, "shard"));
        for (var w : ws.members().entrySet()) {
            String field = "workloads." + w.getKey();
            JsonObject t = ReportJson.object(w.getValue(), source, field);
            WorkloadTally tally = r.workloads.get(w.getKey());
            tally.addRuns(ReportJson.integer(t.get("runs"), source, field + ".runs"));
            JsonObject inv = ReportJson.object(t.get("invariants"), source, field + ".invariants");
            for (var e : inv.members().entrySet()) {
                String f = field + ".invariants." + e.getKey();
                JsonObject i = ReportJson.object(e.getValue(), source, f);
                long n = ReportJson.integer(i.get("violations"), source, f + ".violations");
                if (i.get("first") instanceof JsonObject first) {
                    tally.addFailure(ReportJson.failure(first, source, f + ".first"), n);
                } else {
                    tally.addCount(e.getKey(), n);
                }
            }
        }
        if (o.get("shortest_failure") instanceof JsonObject s) r.shortest = ReportJson.failure(s, source, "shortest_failure");
        r.elapsedSeconds = ReportJson.decimal(o.get("elapsed_s"), source, "elapsed_s");
        return r;
    }

    /**
     * Several shards' reports as one: runs and violations add up, the first failing seed is the
     * lowest, the shortest failure the shortest; the shards ran side by side, so the elapsed
     * time is the longest of theirs.
     */
    public static CheckReport merge(List<CheckReport> parts) {
        List<String> invariants = new java.util.ArrayList<>();
        List<String> names = new java.util.ArrayList<>();
        for (CheckReport p : parts) {
            for (String i : p.invariants) if (!invariants.contains(i)) invariants.add(i);
            for (String w : p.workloads.keySet()) if (!names.contains(w)) names.add(w);
        }
        CheckReport m = new CheckReport(invariants, names, "merged " + parts.size());
        for (CheckReport p : parts) {
            for (var w : p.workloads.entrySet()) m.workloads.get(w.getKey()).mergeFrom(w.getValue());
            m.shortest = Failure.shortestOf(m.shortest, p.shortest);
            m.elapsedSeconds = Math.max(m.elapsedSeconds, p.elapsedSeconds);
        }
        return m;
    }
}
