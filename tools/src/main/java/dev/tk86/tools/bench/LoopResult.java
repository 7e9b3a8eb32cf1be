package dev.tk86.tools.bench;

import java.util.Arrays;
import java.util.List;

/**
 * All timed runs of one loop.
 *
 * @param iterations   ITERS of the timed build
 * @param instructions instructions per run (every run executes exactly the same)
 * @param checksum     the native run's exit status, which every emulated run reproduced
 */
public record LoopResult(BenchLoop loop, long iterations, long instructions, int checksum, List<BenchRun> runs) {
    public LoopResult {
        runs = List.copyOf(runs);
    }

    public double medianMips() { return median(runs.stream().mapToDouble(BenchRun::mips).toArray()); }

    /** The median by CPU time of the benchmark thread (see {@link BenchRun#cpuNanos()}). */
    public double medianCpuMips() { return median(runs.stream().mapToDouble(BenchRun::cpuMips).toArray()); }

    private static double median(double[] values) {
        double[] m = values.clone();
        Arrays.sort(m);
        int n = m.length;
        return n % 2 == 1 ? m[n / 2] : (m[n / 2 - 1] + m[n / 2]) / 2;
    }

    public double minMips() { return runs.stream().mapToDouble(BenchRun::mips).min().orElse(0); }

    public double maxMips() { return runs.stream().mapToDouble(BenchRun::mips).max().orElse(0); }

    @Override public String toString() {
        return loop.key() + " " + Arrays.toString(runs.stream().mapToDouble(BenchRun::mips).toArray());
    }
}
