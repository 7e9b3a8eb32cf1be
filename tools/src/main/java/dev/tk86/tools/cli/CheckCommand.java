package dev.tk86.tools.cli;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.MemorySize;
import dev.tk86.tools.check.CheckPlan;
import dev.tk86.tools.check.CheckReport;
import dev.tk86.tools.check.CheckRunner;
import dev.tk86.tools.check.Invariants;
import dev.tk86.tools.check.Progress;
import dev.tk86.tools.check.Shard;
import dev.tk86.tools.json.JsonReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 check}: workloads x seeds under PCT schedules, with the monitors on. */
@Command(name = "check", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run workloads across seeds with randomized interleavings (PCT: random CPU",
                "priorities with depth-1 change points, random quanta, timer jitter) on J",
                "machines at once, with the monitors watching the kernel. Each run stops at its",
                "first violation. Prints a table per workload and invariant (runs, violations,",
                "first failing seed) and the command that replays the shortest failing run.",
                "Before the seeds, each workload runs once under round robin: its length is the",
                "PCT horizon, and a workload the kernel does not know is refused there.",
                "--shard K/N runs every Nth seed; --merge adds up the --json of the shards."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                " 0:no run broke an invariant",
                " 1:some run broke an invariant (the table says which; replay it)",
                " 2:bad input: unknown configuration, workload or invariant, a patch that does not apply, an empty seed range, a bad shard",
                "70:internal error in tk86"})
final class CheckCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: --config, else GENERIC)")
    Path image;

    @Mixin KernelChoice kernel;

    @Option(names = "--workloads", paramLabel = "W,...", split = ",", description = "workloads to run (default: ${DEFAULT-VALUE})")
    List<String> workloads = new ArrayList<>(List.of("forkexit"));

    @Option(names = "--cpus", paramLabel = "N|A-B", description = "CPU counts to run, e.g. 2 or 1-4 (default: ${DEFAULT-VALUE})")
    String cpus = "2";

    @Option(names = "--seeds", paramLabel = "N", description = "seeds per workload and CPU count (default: ${DEFAULT-VALUE})")
    long seeds = 100;

    @Option(names = "--first-seed", paramLabel = "S", description = "the first seed (default: ${DEFAULT-VALUE})")
    long firstSeed = 0;

    @Option(names = "--jobs", paramLabel = "J", description = "machines running at once (default: the host's processors)")
    int jobs = Runtime.getRuntime().availableProcessors();

    @Option(names = "--pct-depth", paramLabel = "D", description = "PCT depth: D-1 priority change points per run (default: ${DEFAULT-VALUE})")
    int pctDepth = PctParameters.DEFAULT_DEPTH;

    @Option(names = "--quantum", paramLabel = "Q", description = "mean turn of a CPU: quanta are drawn from 1..2Q steps (default: ${DEFAULT-VALUE})")
    int quantum = 200;

    @Option(names = "--max-steps", paramLabel = "N", description = "step budget of each run; a run that spends it is a hang (default: ${DEFAULT-VALUE})")
    long maxSteps = 200_000_000L;

    @Option(names = "--memory", paramLabel = "SIZE", description = "RAM of each machine (default: 64M)")
    String memory = "64M";

    @Mixin VendorOption vendor;

    @Option(names = "--invariants", paramLabel = "I,...", description = "invariants to report (default: all)")
    String invariants = "all";

    @Option(names = "--shard", paramLabel = "K/N", description = "run only the seeds s with s mod N = K-1")
    String shard;

    @Option(names = "--merge", paramLabel = "FILE", arity = "1..*", description = "add up the --json reports of shards instead of running")
    List<Path> merge;

    @Option(names = "--json", description = "print one JSON object: runs, violations per invariant, first_failing_seed per workload, seeds_per_s, ...")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        CheckReport report = merge != null ? merged() : runChecks(err);
        out.print(json ? report.json() + "\n" : report.text());
        out.flush();
        if (!json && report.violations() > 0 && report.shortest() == null) err.println("tk86: violations were merged without a replay command");
        return report.violations() == 0 ? 0 : 1;
    }

    private CheckReport runChecks(PrintWriter err) {
        int[] range = CheckPlan.cpuRange(cpus);
        Shard s = shard == null ? Shard.ALL : Shard.parse(shard);
        if (quantum < 1) throw new BadInputException("--quantum: must be at least 1, got " + quantum);
        MachineConfig m = MachineConfig.defaults().withMemory(MemorySize.parse(memory)).withQuantum(quantum).withVendor(vendor.vendor());
        CheckPlan plan = new CheckPlan(kernel.source(image, err), workloads, range[0], range[1], firstSeed, seeds, s, jobs, m,
                pctDepth, maxSteps, Invariants.parse(invariants));
        long total = (long) plan.workloads().size() * (range[1] - range[0] + 1) * countInShard(plan);
        Progress progress = new Progress(err, System.console() != null, total);
        return CheckRunner.run(plan, progress);
    }

    private static long countInShard(CheckPlan p) {
        long c = 0;
        for (long x = p.firstSeed(); x < p.firstSeed() + p.seeds(); x++) if (p.shard().holds(x)) c++;
        return c;
    }

    private CheckReport merged() {
        if (image != null || kernel.config != null) throw new BadInputException("--merge adds up reports; it takes no IMAGE or --config");
        List<CheckReport> parts = new ArrayList<>();
        for (Path f : merge) {
            String text;
            try {
                text = Files.readString(f);
            } catch (IOException e) {
                throw new BadInputException("--merge: " + f + ": cannot read it (" + e.getClass().getSimpleName() + ")");
            }
            try {
                parts.add(CheckReport.fromJson(JsonReader.parse(text), f.toString()));
            } catch (dev.tk86.tools.json.JsonException e) {
                throw new BadInputException("--merge: " + f + ":" + e.line() + ":" + e.column() + ": " + e.getMessage());
            }
        }
        return CheckReport.merge(parts);
    }
}
