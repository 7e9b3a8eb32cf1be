package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.bench.TklBench;
import dev.tk86.tools.bench.TklBenchProgram;
import dev.tk86.tools.bench.TklBenchReport;
import dev.tk86.tools.bench.TklBenchResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 bench tkl}: TKL statements per second, fast and stepping mode. */
@Command(name = "tkl", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run a loop-heavy and a call-heavy TKL program on one emulated CPU with paging on, booted",
                "from an image built with the TKL stub and GNU as/ld, in fast mode and in statement-stepping",
                "mode, and print TKL statements per second (exact statement count / wall time of the run;",
                "median of several runs after a JIT warm-up). Each run's result must match a Java reference,",
                "and the statement count the program's per-iteration count. Progress goes to stderr."})
final class BenchTklCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "print only {\"fast_stmts_per_s\":..,\"step_stmts_per_s\":..} (the slower program of each mode)")
    boolean json;

    @Option(names = "--iterations-scale", paramLabel = "X", description = "multiply every program's iterations (default: ${DEFAULT-VALUE})")
    double scale = 1.0;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs per program and mode (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warmups", paramLabel = "N", description = "untimed runs at 1/8 size first (default: ${DEFAULT-VALUE})")
    int warmups = 3;

    @Option(names = "--programs", paramLabel = "LIST", split = ",", description = "which programs (default: loop,call)")
    List<String> programs = new ArrayList<>(List.of("loop", "call"));

    @Mixin VendorOption vendor;

    @Option(names = "--modes", paramLabel = "LIST", split = ",", description = "which modes (default: fast,step)")
    List<String> modes = new ArrayList<>(List.of("fast", "step"));

    @Override
    public Integer call() {
        if (!(scale > 0) || Double.isInfinite(scale)) throw new BadInputException("--iterations-scale: must be a positive number, got " + scale);
        if (runs < 1) throw new BadInputException("--runs: must be at least 1, got " + runs);
        if (warmups < 0) throw new BadInputException("--warmups: must be 0 or more, got " + warmups);
        List<TklBenchProgram> selected = new ArrayList<>();
        for (String name : programs) {
            selected.add(TklBenchProgram.ALL.stream().filter(p -> p.key().equals(name)).findFirst()
                    .orElseThrow(() -> new BadInputException("--programs: unknown program '" + name + "' (loop, call)")));
        }
        List<Boolean> stepping = new ArrayList<>();
        for (String m : modes) {
            if (!m.equals("fast") && !m.equals("step")) throw new BadInputException("--modes: unknown mode '" + m + "' (fast, step)");
            stepping.add(m.equals("step"));
        }
        List<TklBenchResult> results = new TklBench(spec.commandLine().getErr())
                .run(new TklBench.Options(scale, runs, warmups, selected, stepping, vendor.vendor()));
        var out = spec.commandLine().getOut();
        out.print(json ? TklBenchReport.json(results) + System.lineSeparator() : TklBenchReport.table(results));
        out.flush();
        return ExitCodes.OK;
    }
}
