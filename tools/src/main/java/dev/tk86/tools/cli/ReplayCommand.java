package dev.tk86.tools.cli;

import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootReport;
import dev.tk86.tools.check.ImageSource;
import dev.tk86.tools.check.Invariants;
import dev.tk86.tools.check.RunExecution;
import dev.tk86.tools.check.RunSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.tk86.tools.trace.TraceConfig;
import dev.tk86.tools.trace.TraceOptions;
import dev.tk86.tools.trace.Tracing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 replay}: one run of a check again, exactly, with the monitors on. */
@Command(name = "replay", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Run one boot exactly as tk86 check ran it, from the command check printed: the",
                "same kernel, machine options and seed give the same interleaving, step for",
                "step. The console is printed as the guest writes it; then the violation (CPU,",
                "step, thread, backtrace, the events that led to it) or 'no violation', and the",
                "machine's summary. Takes every machine option of tk86 boot, and its trace",
                "options (--trace, --trace-file, --trace-format, --perfetto)."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                " 0:the run broke no invariant",
                " 1:the run broke an invariant (reported above the summary)",
                " 2:bad input: options, image, configuration or patch",
                "70:internal error in tk86"})
final class ReplayCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: --config, else GENERIC)")
    Path image;

    @Mixin KernelChoice kernel;

    @Mixin MachineOptions machine;

    @Mixin TraceOptions trace;

    @Option(names = "--invariants", paramLabel = "I,...", description = "invariants to report (default: all)")
    String invariants = "all";

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        BootOptions options = machine.toBootOptions();
        TraceConfig traceConfig = trace.config();
        Tracing[] tracing = new Tracing[1];
        ImageSource source = kernel.source(image, err);
        String workload = workloadOf(options.commandLine());
        RunSpec run = new RunSpec(source, options.machine(), workload, options.commandLine(), options.maxSteps());
        RunExecution.Result r = RunExecution.run(source.image(), run,
                Invariants.parse(invariants), b -> {
                    out.print((char) b);
                    if (b == '\n') out.flush();
                }, k -> tracing[0] = Tracing.attach(k, traceConfig, err));
        tracing[0].finish();
        String console = r.outcome().console();
        if (!console.isEmpty() && !console.endsWith("\n")) out.println();
        out.print(r.verdict().clean() ? "tk86: no violation (monitors: " + String.join(", ", r.watch().activeNames()) + ")\n" : r.verdict().text());
        out.print(BootReport.text(r.outcome()));
        out.flush();
        return r.verdict().clean() ? 0 : 1;
    }

    /** The workload= word of a command line, or "" (the kernel's default). */
    private static String workloadOf(String cmdline) {
        for (String w : cmdline.split("\\s+")) if (w.startsWith("workload=")) return w.substring("workload=".length());
        return "";
    }
}
