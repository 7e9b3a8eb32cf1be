package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.bench.BenchLoop;
import dev.tk86.tools.bench.BenchReport;
import dev.tk86.tools.bench.IsaBench;
import dev.tk86.tools.bench.LoopResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 bench isa}: MIPS of tk86's benchmark loops. */
@Command(name = "isa", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run tk86's benchmark loops (alu, mem, switch, and switch with a CR3 load",
                "per switch; loads and stores on request) in ring 0 with 4-level paging on",
                "and the TLB honoured, and print their speed in MIPS: exact instruction",
                "count / wall time of the run, median of several runs after a JIT warm-up.",
                "Each loop is built with gcc and objcopy; its checksum (port 0xE9) must",
                "match the native build's exit status, and its instruction count its exact",
                "per-iteration count. Progress goes to stderr. See docs/performance.md."})
final class BenchIsaCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "print only {\"alu_mips\":..,\"mem_mips\":..,\"switch_mips\":..,\"swcr3_mips\":..}")
    boolean json;

    @Option(names = "--iterations-scale", paramLabel = "X", description = "multiply every loop's ITERS (default: ${DEFAULT-VALUE})")
    double scale = 1.0;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs per loop (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warmups", paramLabel = "N", description = "untimed runs of a 1/8-size build first (default: ${DEFAULT-VALUE})")
    int warmups = 3;

    @Option(names = "--loops", paramLabel = "LIST", split = ",",
            description = "which loops, of alu, mem, switch, swcr3, loads, stores (default: alu,mem,switch,swcr3)")
    List<String> loops = new ArrayList<>(BenchLoop.DEFAULT.stream().map(BenchLoop::key).toList());

    @Mixin VendorOption vendor;

    @Option(names = "--bench-dir", paramLabel = "DIR", description = "a folder with other sources of the loops (default: the ones built into tk86)")
    Path benchDir;

    @Override
    public Integer call() {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new BadInputException("--iterations-scale: must be a positive number, got " + scale);
        if (runs < 1) throw new BadInputException("--runs: must be at least 1, got " + runs);
        if (warmups < 0) throw new BadInputException("--warmups: must be 0 or more, got " + warmups);
        List<BenchLoop> selected = new ArrayList<>();
        for (String name : loops) {
            BenchLoop l = BenchLoop.ALL.stream().filter(b -> b.key().equals(name)).findFirst()
                    .orElseThrow(() -> new BadInputException("--loops: unknown loop '" + name + "' (alu, mem, switch, swcr3, loads, stores)"));
            selected.add(l);
        }
        List<LoopResult> results = new IsaBench(spec.commandLine().getErr())
                .run(new IsaBench.Options(benchDir, scale, runs, warmups, selected, vendor.vendor()));
        var out = spec.commandLine().getOut();
        out.print(json ? BenchReport.json(results) + System.lineSeparator() : BenchReport.table(results));
        out.flush();
        return ExitCodes.OK;
    }
}
