package dev.tk86.tools.bench;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.isa.cpu.CpuVendor;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code tk86 bench isa}: tk86's own benchmark loops in ring 0 with paging on. For each loop it
 * builds two sizes (the timed one and a smaller warm-up one), learns the checksum from the
 * native build, warms the JIT up on the small build, then times several runs of the large one.
 * Every run must end halted with the native checksum on port 0xE9, and the two sizes must
 * differ by exactly (per-iteration count) x (difference in ITERS) instructions: that is the
 * loop's stated count, checked against the machine's own exact count.
 *
 * <p>Only here does tk86 read the host clock, around {@code Machine.run}, outside the machine.
 */
public final class IsaBench {
    public record Options(Path benchDir, double scale, int runs, int warmups, List<BenchLoop> loops, CpuVendor vendor) { }

    private final PrintWriter progress;

    public IsaBench(PrintWriter progress) { this.progress = progress; }

    public List<LoopResult> run(Options o) {
        List<LoopResult> results = new ArrayList<>();
        try (Toolchain tc = new Toolchain(o.benchDir())) {
            for (BenchLoop loop : o.loops()) results.add(runLoop(tc, loop, o));
        }
        return results;
    }

    private LoopResult runLoop(Toolchain tc, BenchLoop loop, Options o) {
        long iters = Math.max(1, Math.round(loop.iterations() * o.scale()));
        long warmIters = Math.max(1, iters / 8);
        if (warmIters == iters) warmIters = iters + 1;
        BenchLoop nativeLoop = loop.withoutCr3();
        int checksum = tc.nativeChecksum(nativeLoop, iters);
        int warmChecksum = tc.nativeChecksum(nativeLoop, warmIters);
        byte[] code = tc.bareMetal(loop, iters), warmCode = tc.bareMetal(loop, warmIters);
        say("%s: ITERS=%d, native checksum 0x%02x; warming up", loop.key(), iters, checksum);

        long warmInstructions = -1;
        for (int i = 0; i < o.warmups(); i++) warmInstructions = once(loop, warmCode, warmChecksum, o.vendor()).instructions();
        List<BenchRun> runs = new ArrayList<>();
        for (int i = 0; i < o.runs(); i++) {
            BenchRun r = once(loop, code, checksum, o.vendor());
            runs.add(r);
            say("%s: run %d: %d instructions in %.3f s = %.1f MIPS (CPU time %.3f s = %.1f MIPS)", loop.key(), i + 1,
                    r.instructions(), r.nanos() / 1e9, r.mips(), r.cpuNanos() / 1e9, r.cpuMips());
        }
        long instructions = runs.get(0).instructions();
        for (BenchRun r : runs)
            if (r.instructions() != instructions)
                throw new ToolFailureException(loop.key() + ": runs executed different instruction counts: " + instructions + " and " + r.instructions());
        if (o.warmups() > 0) {
            long expectedDelta = (long) loop.perIteration() * (iters - warmIters);
            if (instructions - warmInstructions != expectedDelta)
                throw new ToolFailureException(String.format("%s: %d instructions at ITERS=%d and %d at ITERS=%d differ by %d, "
                                + "but %d per iteration makes %d", loop.key(), instructions, iters, warmInstructions, warmIters,
                        instructions - warmInstructions, loop.perIteration(), expectedDelta));
        }
        return new LoopResult(loop, iters, instructions, checksum, runs);
    }

    private static BenchRun once(BenchLoop loop, byte[] code, int expectedChecksum, CpuVendor vendor) {
        BenchMachine bm = new BenchMachine(code, loop.cr3Switch(), vendor);
        Machine m = bm.machine();
        TimedRun timed = TimedRun.of(m);
        RunResult r = timed.result();
        if (r.reason() != RunResult.Reason.ALL_HALTED)
            throw new ToolFailureException(loop.key() + ": the loop did not end in hlt: " + r.reason() + " " + r.detail());
        String console = m.console().text();
        if (console.isEmpty())
            throw new ToolFailureException(loop.key() + ": the loop wrote no checksum to port 0xE9 (" + r.detail() + ")");
        int checksum = console.charAt(0) & 0xFF;
        if (checksum != expectedChecksum)
            throw new ToolFailureException(String.format("%s: checksum 0x%02x on port 0xE9, but the native run computes 0x%02x",
                    loop.key(), checksum, expectedChecksum));
        Map<String, Long> c = m.counters();
        return new BenchRun(c.get("x86_instructions"), timed.wallNanos(), timed.cpuNanos(), checksum, c.get("tlb_cr3_flushes"), c.get("page_walks"));
    }

    private void say(String format, Object... args) {
        if (progress == null) return;
        progress.println("tk86 bench: " + String.format(format, args));
        progress.flush();
    }
}
