package dev.tk86.tools.bench;

/**
 * One timed run of a loop.
 *
 * @param instructions x86 instructions executed (the machine's exact count)
 * @param nanos        wall time of {@code Machine.run}, host clock
 * @param checksum     the byte the loop wrote to port 0xE9
 * @param cr3Loads     non-global TLB flushes by CR3 loads
 * @param pageWalks    page walks
 */
public record BenchRun(long instructions, long nanos, int checksum, long cr3Loads, long pageWalks) {
    public double mips() { return instructions / (nanos / 1e9) / 1e6; }
}
