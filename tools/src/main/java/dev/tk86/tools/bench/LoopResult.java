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

    public double medianMips() {
        double[] m = runs.stream().mapToDouble(BenchRun::mips).sorted().toArray();
        int n = m.length;
        return n % 2 == 1 ? m[n / 2] : (m[n / 2 - 1] + m[n / 2]) / 2;
    }

    public double minMips() { return runs.stream().mapToDouble(BenchRun::mips).min().orElse(0); }

    public double maxMips() { return runs.stream().mapToDouble(BenchRun::mips).max().orElse(0); }

    @Override public String toString() {
        return loop.key() + " " + Arrays.toString(runs.stream().mapToDouble(BenchRun::mips).toArray());
    }
}
