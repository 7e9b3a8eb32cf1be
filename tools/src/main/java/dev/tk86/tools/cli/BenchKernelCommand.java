package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.tools.bench.KernelBench;
import dev.tk86.tools.bench.KernelBenchResult;
import dev.tk86.tools.bench.KernelBenchRun;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import dev.tk86.tools.trace.TraceKind;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 bench kernel}: guest exits per host second of the toy kernel's workloads. */
@Command(name = "kernel", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run the toy kernel's workloads (default: forkexit and configure) on --cpus CPUs",
                "in this JVM: untimed warm-ups, then timed runs of Machine.run alone (image",
                "load and TKL compile excluded). Prints guest exits per host second (median",
                "run by wall time; CPU time too) and the per-exit guest costs: context",
                "switches, x86 instructions and TKL statements. Every run must power off with",
                "status 0 and repeat the same guest counts. With --trace KINDS each workload",
                "also runs traced (events formatted, then dropped) and the ratio of traced to",
                "untraced wall time is printed. Target: >= 5,000 exits/s (docs/performance.md).",
                "Progress goes to stderr."})
final class BenchKernelCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "print only one JSON object: cpus and per workload its figures")
    boolean json;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the kernel image (default: the GENERIC image)")
    Path image;

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs (default: ${DEFAULT-VALUE})")
    int cpus = 2;

    @Option(names = "--workloads", paramLabel = "LIST", split = ",", description = "workloads (default: forkexit,configure)")
    List<String> workloads = new ArrayList<>(List.of("forkexit", "configure"));

    @Option(names = "--params", paramLabel = "TEXT", description = "key=value ... added to every workload's command line, e.g. 'n=1000'")
    String params = "";

    @Option(names = "--runs", paramLabel = "N", description = "timed runs per workload (default: ${DEFAULT-VALUE})")
    int runs = 5;

    @Option(names = "--warmups", paramLabel = "N", description = "untimed runs first (default: ${DEFAULT-VALUE})")
    int warmups = 3;

    @Option(names = "--trace", paramLabel = "KINDS", description = "also run each workload traced with these kinds (e.g. switch)")
    String trace;

    @Mixin VendorOption vendor;

    @Override
    public Integer call() {
        if (cpus < 1 || cpus > 64) throw new BadInputException("--cpus: must be 1..64, got " + cpus);
        if (runs < 1) throw new BadInputException("--runs: must be at least 1, got " + runs);
        if (warmups < 0) throw new BadInputException("--warmups: must be 0 or more, got " + warmups);
        for (String w : workloads)
            if (!w.matches("[a-z0-9_]+")) throw new BadInputException("--workloads: '" + w + "' is not a workload name");
        Set<TraceKind> kinds = trace == null ? Set.of() : TraceKind.parse(trace);
        PrintWriter err = spec.commandLine().getErr(), out = spec.commandLine().getOut();
        Path img = image;
        if (img == null) {
            try {
                img = DefaultImage.resolve(SourceLayout.locate(), err);
            } catch (BuildException e) {
                throw new ToolFailureException("cannot build the default image: " + e.headline());
            }
        } else if (!Files.isRegularFile(img)) {
            throw new BadInputException("--image: " + img + ": no such file");
        }
        List<KernelBenchResult> results = new KernelBench(err).run(
                new KernelBench.Options(img, cpus, workloads, params, runs, warmups, kinds, vendor.vendor()));
        if (json) {
            out.println(json(results));
        } else {
            for (KernelBenchResult r : results) out.print(r.text());
        }
        out.flush();
        return ExitCodes.OK;
    }

    private String json(List<KernelBenchResult> results) {
        List<JsonValue> ws = new ArrayList<>();
        for (KernelBenchResult r : results) {
            KernelBenchRun m = r.median();
            JsonObjectBuilder b = new JsonObjectBuilder().put("workload", r.workload()).put("cmdline", r.cmdline())
                    .put("exits", m.exits())
                    .put("exits_per_s", number("%.0f", m.exitsPerSecond()))
                    .put("exits_per_cpu_s", number("%.0f", m.exitsPerCpuSecond()))
                    .put("wall_s", number("%.4f", m.wallNanos() / 1e9))
                    .put("context_switches_per_exit", number("%.3f", r.perExit(m.contextSwitches())))
                    .put("x86_instructions_per_exit", number("%.2f", r.perExit(m.x86Instructions())))
                    .put("tkl_statements_per_exit", number("%.2f", r.perExit(m.tklStatements())))
                    .put("runs", r.runs().size());
            if (!r.traced().isEmpty())
                b.put("trace", trace).put("traced_wall_s", number("%.4f", r.tracedMedian().wallNanos() / 1e9))
                        .put("trace_ratio", number("%.3f", r.traceRatio()))
                        .put("trace_cpu_ratio", number("%.3f", r.traceCpuRatio()));
            ws.add(b.build());
        }
        return JsonWriter.write(new JsonObjectBuilder().put("cpus", cpus).put("workloads", new JsonValue.JsonArray(ws)).build());
    }

    private static JsonValue number(String format, double v) { return new JsonValue.JsonNumber(String.format(Locale.ROOT, format, v)); }
}
