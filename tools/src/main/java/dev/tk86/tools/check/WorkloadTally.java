package dev.tk86.tools.check;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One workload's results: runs, and per invariant the number of violations and the first
 * failing run. Invariants are listed in the order the check chose them, with zero counts too,
 * so a table shows what was watched and found nothing.
 */
public final class WorkloadTally {
    private long runs;
    private final Map<String, Long> violations = new LinkedHashMap<>();
    private final Map<String, Failure> first = new LinkedHashMap<>();

    WorkloadTally(Iterable<String> invariants) {
        for (String i : invariants) violations.put(i, 0L);
    }

    void add(RunVerdict v) {
        runs++;
        if (v.clean()) return;
        addFailure(Failure.of(v), 1);
    }

    void addFailure(Failure f, long count) {
        violations.merge(f.invariant(), count, Long::sum);
        first.merge(f.invariant(), f, Failure::firstOf);
    }

    void addRuns(long n) { runs += n; }

    void addCount(String invariant, long n) { violations.merge(invariant, n, Long::sum); }

    public long runs() { return runs; }

    public Map<String, Long> violations() { return violations; }

    /** The first failing run per invariant (only invariants that failed). */
    public Map<String, Failure> first() { return first; }

    /** The first failing run of this workload, whatever it broke. */
    public Failure firstFailure() {
        Failure f = null;
        for (Failure x : first.values()) f = Failure.firstOf(f, x);
        return f;
    }

    void mergeFrom(WorkloadTally o) {
        runs += o.runs;
        for (var e : o.violations.entrySet()) violations.merge(e.getKey(), e.getValue(), Long::sum);
        for (var e : o.first.entrySet()) first.merge(e.getKey(), e.getValue(), Failure::firstOf);
    }
}
