package dev.tk86.tools.bench;

import java.util.List;

/**
 * The benchmark loops built into tk86 (tools/src/main/resources/dev/tk86/tools/bench/loops/):
 * which source, how it is built, and how many instructions one iteration executes exactly.
 * That count is the contract every loop's comment states and the harness checks: two builds
 * that differ only in ITERS must differ by exactly {@code perIteration} instructions per
 * iteration, so MIPS is a count over a time, not an estimate.
 *
 * @param key          the name in tables and in the JSON keys ({@code <key>_mips})
 * @param source       the loop's file
 * @param defines      extra preprocessor symbols of both builds (e.g. STORES)
 * @param cr3Switch    built with -DCR3SWITCH (two address spaces, a CR3 load per switch; ring 0 only)
 * @param perIteration dynamic instructions per iteration
 * @param iterations   default ITERS, sized for about a second per run
 */
public record BenchLoop(String key, String source, List<String> defines, boolean cr3Switch, int perIteration, long iterations) {
    public static final BenchLoop ALU = new BenchLoop("alu", "alu.S", List.of(), false, 10, 20_000_000);
    public static final BenchLoop MEM = new BenchLoop("mem", "mem.S", List.of(), false, 14, 10_000_000);
    public static final BenchLoop SWITCH = new BenchLoop("switch", "switch.S", List.of(), false, 40, 5_000_000);
    public static final BenchLoop SWCR3 = new BenchLoop("swcr3", "switch.S", List.of(), true, 44, 2_000_000);
    public static final BenchLoop LOADS = new BenchLoop("loads", "ldst.S", List.of(), false, 10, 10_000_000);
    public static final BenchLoop STORES = new BenchLoop("stores", "ldst.S", List.of("STORES"), false, 10, 10_000_000);

    /** What {@code tk86 bench isa} runs unless --loops says otherwise. */
    public static final List<BenchLoop> DEFAULT = List.of(ALU, MEM, SWITCH, SWCR3);
    public static final List<BenchLoop> ALL = List.of(ALU, MEM, SWITCH, SWCR3, LOADS, STORES);

    /** The sources (and the header they share) as resources next to this class. */
    static final List<String> FILES = List.of("alu.S", "mem.S", "switch.S", "ldst.S", "ending.h");

    /** The same loop without the CR3 loads: what runs natively to learn the checksum. */
    BenchLoop withoutCr3() { return new BenchLoop(key, source, defines, false, perIteration, iterations); }
}
