package dev.tk86.tools.bench;

/**
 * One timed run of a kernel workload: host wall and CPU time of {@code Machine.run} alone (the
 * image is loaded and its TKL compiled before the clock starts), and the guest's own counts.
 */
public record KernelBenchRun(long wallNanos, long cpuNanos, long exits, long contextSwitches, long x86Instructions,
                             long tklStatements, long steps) {
    public double exitsPerSecond() { return exits / (wallNanos / 1e9); }

    public double exitsPerCpuSecond() { return exits / (cpuNanos / 1e9); }

    /** The guest's part, which must be the same in every run of the same workload. */
    public String guestCounts() {
        return exits + " exits, " + contextSwitches + " switches, " + x86Instructions + " x86, " + tklStatements + " tkl";
    }
}
