package dev.tk86.tools.bench;

import dev.tk86.tools.ToolFailureException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code tk86 bench boot}: host wall time from starting {@code tk86 boot IMAGE} as a new
 * process (so JVM start-up, class loading, the image load, the TKL compile and the run all
 * count) to that process's exit after the guest powered off. The median of several runs,
 * after untimed warm-up runs that fill the OS page cache.
 */
public final class BootBench {
    private static final long TIMEOUT_SECONDS = 120;

    /** @param command the full command line of one boot, ending in the image */
    public record Options(List<String> command, int runs, int warmups) {
        public Options {
            command = List.copyOf(command);
        }
    }

    /** Seconds of each timed run, in order, and their median. */
    public record Result(List<Double> seconds, double median, List<String> command) {
        public String json() { return String.format(Locale.ROOT, "{\"boot_wall_s\":%.3f}", median); }

        public String text() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "boot: %.3f s wall (median of %d runs:", median, seconds.size()));
            for (double d : seconds) s.append(String.format(Locale.ROOT, " %.3f", d));
            return s.append(")\n  command: ").append(String.join(" ", command)).append('\n').toString();
        }
    }

    private final PrintWriter progress;

    public BootBench(PrintWriter progress) { this.progress = progress; }

    public Result run(Options o) {
        for (int i = 0; i < o.warmups(); i++) {
            progress.println("bench boot: warm-up " + (i + 1) + "/" + o.warmups());
            progress.flush();
            once(o.command());
        }
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            double t = once(o.command());
            progress.println(String.format(Locale.ROOT, "bench boot: run %d/%d: %.3f s", i + 1, o.runs(), t));
            progress.flush();
            times.add(t);
        }
        List<Double> sorted = new ArrayList<>(times);
        sorted.sort(null);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Result(times, median, o.command());
    }

    /** One boot as a child process; its output goes to a file, read only if it fails. */
    private static double once(List<String> command) {
        Path log;
        try {
            log = Files.createTempFile("tk86-bench-boot", ".log");
        } catch (IOException e) {
            throw new ToolFailureException("cannot create a temporary file: " + e.getMessage());
        }
        try {
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            long start = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolFailureException("the boot did not finish within " + TIMEOUT_SECONDS + " s: " + String.join(" ", command));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (p.exitValue() != 0) {
                String out = Files.readString(log, StandardCharsets.UTF_8).strip();
                String last = out.isEmpty() ? "" : out.substring(out.lastIndexOf('\n') + 1);
                throw new ToolFailureException("the boot exited with status " + p.exitValue() + " (" + last + "): " + String.join(" ", command));
            }
            return seconds;
        } catch (IOException e) {
            throw new ToolFailureException("cannot run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailureException("interrupted");
        } finally {
            try {
                Files.deleteIfExists(log);
            } catch (IOException ignored) {
                // a temporary file left behind is harmless
            }
        }
    }
}
