package dev.tk86.tools.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A workload's figures: the median run by wall time (exits per host second, wall and CPU) and
 * the guest's per-exit costs, which do not vary between runs; with {@code traced} runs (same
 * workload under {@code --trace}), the ratio of their median wall time to the untraced one's.
 */
public record KernelBenchResult(String workload, String cmdline, List<KernelBenchRun> runs, List<KernelBenchRun> traced) {
    public KernelBenchRun median() { return median(runs); }

    public KernelBenchRun tracedMedian() { return median(traced); }

    static KernelBenchRun median(List<KernelBenchRun> rs) {
        List<KernelBenchRun> sorted = new ArrayList<>(rs);
        sorted.sort((a, b) -> Long.compare(a.wallNanos(), b.wallNanos()));
        return sorted.get(sorted.size() / 2);
    }

    /** Median traced wall time over median untraced wall time, or NaN without traced runs. */
    public double traceRatio() {
        return traced.isEmpty() ? Double.NaN : (double) median(traced).wallNanos() / median(runs).wallNanos();
    }

    /** The same ratio by thread CPU time (medians of CPU time), steadier on a busy host. */
    public double traceCpuRatio() {
        if (traced.isEmpty()) return Double.NaN;
        return (double) medianCpu(traced) / medianCpu(runs);
    }

    private static long medianCpu(List<KernelBenchRun> rs) {
        long[] c = rs.stream().mapToLong(KernelBenchRun::cpuNanos).sorted().toArray();
        return c[c.length / 2];
    }

    public double perExit(long count) { return (double) count / median().exits(); }

    public String text() {
        KernelBenchRun m = median();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%s (%s): %d exits, %.0f exits/s (wall %.3f s; CPU %.3f s = %.0f exits/s), median of %d%n",
                workload, cmdline, m.exits(), m.exitsPerSecond(), m.wallNanos() / 1e9, m.cpuNanos() / 1e9, m.exitsPerCpuSecond(), runs.size()));
        s.append(String.format(Locale.ROOT, "  per exit: %.2f context switches, %.1f x86 instructions, %.1f TKL statements%n",
                perExit(m.contextSwitches()), perExit(m.x86Instructions()), perExit(m.tklStatements())));
        if (!traced.isEmpty())
            s.append(String.format(Locale.ROOT, "  traced: wall %.3f s, %.2fx the untraced run (CPU time: %.2fx)%n",
                    median(traced).wallNanos() / 1e9, traceRatio(), traceCpuRatio()));
        return s.toString();
    }
}
