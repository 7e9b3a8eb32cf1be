package dev.tk86.tools.cli;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.compare.CompareChart;
import dev.tk86.tools.compare.CompareTable;
import dev.tk86.tools.compare.Comparison;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code tk86 compare A B}: what a change costs, counter by counter. */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run the same workload on two kernels over the same seeds (the same PCT",
                "schedules) and print every counter side by side: the kernel's kc_* and the",
                "machine's, the mean on each side, B/A and the spread of the per-seed ratio.",
                "A and B are each an image file, a configuration (REAPER), or a configuration",
                "with patches (DEADCOND+fix.diff). --chart writes the same as an SVG chart."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {" 0:compared", " 2:bad input (a side that does not build, a bad option)", "70:internal error in tk86"})
final class CompareCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "the reference: image, CONFIG or CONFIG+PATCH[+PATCH...]")
    String a;

    @Parameters(index = "1", paramLabel = "B", description = "the change, written like A")
    String b;

    @Option(names = "--workload", paramLabel = "W", description = "workload (default: ${DEFAULT-VALUE})")
    String workload = "forkexit";

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per side (default: ${DEFAULT-VALUE})")
    int seeds = 10;

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs (default: ${DEFAULT-VALUE})")
    int cpus = 2;

    @Option(names = "--jobs", paramLabel = "J", description = "machines at once (default: the host's processors)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--quantum", paramLabel = "Q", description = "mean turn of a CPU (default: ${DEFAULT-VALUE})")
    int quantum = 200;

    @Option(names = "--max-steps", paramLabel = "N", description = "step budget of each run (default: ${DEFAULT-VALUE})")
    long maxSteps = 200_000_000L;

    @Option(names = "--chart", paramLabel = "FILE.svg", description = "also write the comparison as an SVG chart")
    Path chart;

    @Override
    public Integer call() {
        if (seeds < 1) throw new BadInputException("--seeds: the seed range is empty (" + seeds + " seeds)");
        if (cpus < 1 || cpus > 64) throw new BadInputException("--cpus: must be 1..64, got " + cpus);
        if (jobs < 1) throw new BadInputException("--jobs: must be at least 1, got " + jobs);
        if (quantum < 1) throw new BadInputException("--quantum: must be at least 1, got " + quantum);
        PrintWriter out = spec.commandLine().getOut();
        MachineConfig base = MachineConfig.defaults().withQuantum(quantum).withPct(new PctParameters(PctParameters.DEFAULT_DEPTH, 1_000_000));
        Comparison.Result r = Comparison.run(dev.tk86.tools.compare.Sides.parse(a), dev.tk86.tools.compare.Sides.parse(b), workload, cpus,
                seeds, jobs, base, maxSteps);
        out.print(CompareTable.text(r));
        if (chart != null) {
            try {
                Files.writeString(chart, CompareChart.svg(r));
            } catch (IOException e) {
                throw new BadInputException("--chart: " + chart + ": cannot write it (" + e.getClass().getSimpleName() + ")");
            }
            out.println("chart: " + chart);
        }
        out.flush();
        return 0;
    }
}
