package dev.tk86.tools.compare;

/**
 * One counter on both sides over the same seeds: the means, their ratio (B/A), and how the
 * per-seed ratio spreads (its minimum and maximum over the seeds where A is non-zero).
 *
 * @param name   "kc.exits" for a kernel counter, "machine.steps" for one of the machine's
 */
public record CounterStats(String name, double meanA, double meanB, double ratio, double minRatio, double maxRatio, int seeds) {
    /** B/A of the means, NaN when A's mean is 0. */
    static CounterStats of(String name, long[] a, long[] b) {
        double sa = 0, sb = 0, lo = Double.NaN, hi = Double.NaN;
        for (int i = 0; i < a.length; i++) {
            sa += a[i];
            sb += b[i];
            if (a[i] == 0) continue;
            double r = (double) b[i] / a[i];
            lo = Double.isNaN(lo) ? r : Math.min(lo, r);
            hi = Double.isNaN(hi) ? r : Math.max(hi, r);
        }
        double ma = sa / a.length, mb = sb / b.length;
        return new CounterStats(name, ma, mb, ma == 0 ? Double.NaN : mb / ma, lo, hi, a.length);
    }

    public boolean hasRatio() { return !Double.isNaN(ratio); }
}
