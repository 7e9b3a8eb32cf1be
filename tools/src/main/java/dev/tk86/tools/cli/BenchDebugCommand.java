package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.tools.bench.DebugBench;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.debug.DebugTarget;
import java.io.PrintWriter;
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

/** {@code tk86 bench debug}: a run with breakpoints that are never hit, against the plain run. */
@Command(name = "debug", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Boot the image (default: GENERIC with its default workload) plainly and under the",
                "debugger with breakpoints set that the run never reaches, alternately, and print the",
                "median run time of each and their ratio (issue 10 asks for under 1.2x). Only the runs",
                "are timed, not loading. Both runs must power off after the same number of steps.",
                "Progress goes to stderr."})
final class BenchDebugCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: the GENERIC image)")
    Path image;

    @Mixin MachineOptions machine;

    @Option(names = "--break", paramLabel = "SYMBOL", split = ",", description = "breakpoints (default: locore trap entries and halt_forever, which a good run never reaches)")
    List<String> breaks = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "N", description = "timed runs of each (default: ${DEFAULT-VALUE})")
    int runs = 15;

    @Option(names = "--warmups", paramLabel = "N", description = "untimed runs of each first (default: ${DEFAULT-VALUE})")
    int warmups = 5;

    @Option(names = "--json", description = "print only one JSON object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (runs < 1) throw new BadInputException("--runs: must be at least 1, got " + runs);
        if (warmups < 0) throw new BadInputException("--warmups: must be 0 or more, got " + warmups);
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        BootOptions options = machine.toBootOptions();
        Path img = image;
        try {
            if (img == null) img = DefaultImage.resolve(SourceLayout.locate(), err);
            List<String> bps = breaks;
            if (bps.isEmpty()) bps = DebugBench.defaultBreakpoints(DebugTarget.boot(img, options));
            else for (String b : bps) if (DebugTarget.boot(img, options).address(b).isEmpty()) throw new BadInputException("--break: the image has no symbol '" + b + "'");
            DebugBench.Result r = new DebugBench(err).run(img, options, bps, runs, warmups);
            if (json) {
                out.printf("{\"image\":\"%s\",\"breakpoints\":%d,\"steps\":%d,\"plain_ms\":%.2f,\"break_ms\":%.2f,\"wall_ratio\":%.3f,\"cpu_ratio\":%.3f}%n",
                        r.image(), r.breakpoints().size(), r.steps(), r.plainWall() / 1e6, r.breakWall() / 1e6, r.wallRatio(), r.cpuRatio());
            } else {
                out.printf("image %s, %d steps, breakpoints never hit: %s%n", r.image(), r.steps(), String.join(", ", r.breakpoints()));
                out.printf("plain run            %8.2f ms wall  %8.2f ms cpu  (median of %d)%n", r.plainWall() / 1e6, r.plainCpu() / 1e6, r.runs());
                out.printf("with breakpoints     %8.2f ms wall  %8.2f ms cpu%n", r.breakWall() / 1e6, r.breakCpu() / 1e6);
                out.printf("ratio                %8.3fx wall   %8.3fx cpu   (target: under 1.2x)%n", r.wallRatio(), r.cpuRatio());
            }
            out.flush();
            return ExitCodes.OK;
        } catch (BuildException e) {
            throw new ToolFailureException("cannot build the default image: " + e.headline());
        } catch (ImageException e) {
            throw new BadInputException(img + ": " + ErrorHandlers.oneLine(e.getMessage()));
        }
    }
}
