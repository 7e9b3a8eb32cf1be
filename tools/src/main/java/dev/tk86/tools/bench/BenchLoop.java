package dev.tk86.tools.bench;

/**
 * The loops of shared/bench/ (see its README): which source, how it is built, and how many
 * instructions one iteration executes exactly.
 *
 * @param key          the name in tables and in the JSON keys ({@code <key>_mips})
 * @param source       the file in the benchmark folder
 * @param cr3Switch    built with -DCR3SWITCH (two address spaces, a CR3 load per switch)
 * @param perIteration dynamic instructions per iteration (README)
 * @param iterations   default ITERS, sized for about a second per run at the targets
 */
public record BenchLoop(String key, String source, boolean cr3Switch, int perIteration, long iterations) {
    public static final BenchLoop ALU = new BenchLoop("alu", "alu.S", false, 10, 20_000_000);
    public static final BenchLoop MEM = new BenchLoop("mem", "mem.S", false, 14, 10_000_000);
    public static final BenchLoop SWITCH = new BenchLoop("switch", "switch.S", false, 40, 5_000_000);
    public static final BenchLoop SWCR3 = new BenchLoop("swcr3", "switch.S", true, 44, 2_000_000);

    public static final java.util.List<BenchLoop> ALL = java.util.List.of(ALU, MEM, SWITCH, SWCR3);
}
