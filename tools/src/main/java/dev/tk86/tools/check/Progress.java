package dev.tk86.tools.check;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A progress bar on a terminal's stderr: runs done, violations, rate. It rewrites one line
 * (carriage return), at most ten times a second, and clears it at the end; when stderr is not
 * a terminal nothing is printed, so logs and pipes stay clean.
 */
public final class Progress {
    private final PrintWriter err;
    private final boolean on;
    private final long total;
    private final long start = System.nanoTime();
    private long done, failed, lastPrint;

    public Progress(PrintWriter err, boolean on, long total) {
        this.err = err;
        this.on = on;
        this.total = total;
    }

    /** Off: counts, prints nothing. */
    public static Progress off() { return new Progress(null, false, 0); }

    synchronized void ran(RunVerdict v) {
        done++;
        if (!v.clean()) failed++;
        if (!on) return;
        long now = System.nanoTime();
        if (now - lastPrint < 100_000_000L && done < total) return;
        lastPrint = now;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        double secs = (now - start) / 1e9;
        err.printf(Locale.ROOT, "\r[%s%s] %d/%d runs, %d violations, %.0f runs/s ", "#".repeat(filled), " ".repeat(width - filled),
                done, total, failed, secs > 0 ? done / secs : 0.0);
        err.flush();
    }

    synchronized void finish() {
        if (!on) return;
        err.print("\r" + " ".repeat(79) + "\r");
        err.flush();
    }
}
