package dev.tk86.tools.bench;

import java.util.Arrays;
import java.util.List;

/**
 * All timed runs of one program in one mode.
 *
 * @param statements TKL statements per run (every run executes exactly the same number)
 */
public record TklBenchResult(TklBenchProgram program, boolean stepping, long iterations, long statements, List<Run> runs) {
    /**
     * One timed run: wall time of {@code Machine.run} and the CPU time of the benchmark thread
     * over the same span (less disturbed when other processes share the cores).
     */
    public record Run(long statements, long nanos, long cpuNanos) {
        public double rate() { return statements / (nanos / 1e9); }

        public double cpuRate() { return statements / (cpuNanos / 1e9); }
    }

    public TklBenchResult {
        runs = List.copyOf(runs);
    }

    public String mode() { return stepping ? "step" : "fast"; }

    /** Median statements per second (wall time). */
    public double median() { return median(runs.stream().mapToDouble(Run::rate).toArray()); }

    public double medianCpu() { return median(runs.stream().mapToDouble(Run::cpuRate).toArray()); }

    public double min() { return runs.stream().mapToDouble(Run::rate).min().orElse(0); }

    public double max() { return runs.stream().mapToDouble(Run::rate).max().orElse(0); }

    private static double median(double[] v) {
        double[] m = v.clone();
        Arrays.sort(m);
        int n = m.length;
        return n % 2 == 1 ? m[n / 2] : (m[n / 2 - 1] + m[n / 2]) / 2;
    }
}
