package dev.tk86.tools.check;

/**
 * A failing run as reports keep it: enough to compare failures and replay one.
 *
 * @param seed   its seed (first failing = lowest)
 * @param cpus   its CPU count
 * @param steps  how long it ran (shortest = fewest steps)
 * @param replay the one-line replay command
 */
public record Failure(String invariant, String workload, long seed, int cpus, long steps, String message, String replay) {
    static Failure of(RunVerdict v) {
        return new Failure(v.invariant(), v.spec().workload(), v.spec().seed(), v.spec().cpus(), v.steps(), v.message(),
                v.spec().replayCommand());
    }

    /** The earlier of two failures by seed (then CPUs), for "first failing seed". */
    static Failure firstOf(Failure a, Failure b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.seed != b.seed) return a.seed < b.seed ? a : b;
        return a.cpus <= b.cpus ? a : b;
    }

    /** The shorter of two failures by steps (then seed), for "shortest failing replay". */
    static Failure shortestOf(Failure a, Failure b) {
        if (a == null) return b;
        if (b == null) return a;
        if (a.steps != b.steps) return a.steps < b.steps ? a : b;
        return firstOf(a, b);
    }
}
