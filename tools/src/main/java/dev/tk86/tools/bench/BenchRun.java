package dev.tk86.tools.bench;

/**
 * One timed run of a loop.
 *
 * @param instructions x86 instructions executed (the machine's exact count)
 * @param nanos        wall time of {@code Machine.run}, host clock
 * @param cpuNanos     CPU time of the benchmark thread over the same span: less disturbed than
 *                     wall time when other processes share the cores
 * @param checksum     the byte the loop wrote to port 0xE9
 * @param cr3Loads     non-global TLB flushes by CR3 loads
 * @param pageWalks    page walks
 */
public record BenchRun(long instructions, long nanos, long cpuNanos, int checksum, long cr3Loads, long pageWalks) {
    public double mips() { return instructions / (nanos / 1e9) / 1e6; }

    public double cpuMips() { return instructions / (cpuNanos / 1e9) / 1e6; }
}
