package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.tools.bench.BootBench;
import dev.tk86.tools.bench.BootBenchCommandLine;
import dev.tk86.tools.boot.DefaultImage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tk86 bench boot}: wall time of booting the smoke image, JVM start-up included. */
@Command(name = "boot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Time `tk86 boot IMAGE` as a new process, from its start to its exit after the",
                "guest powered off: JVM start-up, class loading, the image load, the TKL",
                "compile and the run. Prints the median of --runs runs (after --warmups untimed",
                "ones). The image is the default GENERIC image (the smoke kernel) unless",
                "--image is given; the command is the ./tk86 launcher of this checkout, or this",
                "JVM's java -jar tk86.jar. Progress goes to stderr. Target: under 1.0 s",
                "(docs/performance.md, \"Boot\")."})
final class BenchBootCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "print only {\"boot_wall_s\":..}")
    boolean json;

    @Option(names = "--runs", paramLabel = "N", description = "timed runs (default: ${DEFAULT-VALUE})")
    int runs = 7;

    @Option(names = "--warmups", paramLabel = "N", description = "untimed runs first (default: ${DEFAULT-VALUE})")
    int warmups = 1;

    @Mixin VendorOption vendor;

    @Option(names = "--image", paramLabel = "IMAGE", description = "the image to boot (default: the GENERIC image)")
    Path image;

    @Override
    public Integer call() {
        if (runs < 1) throw new BadInputException("--runs: must be at least 1, got " + runs);
        if (warmups < 0) throw new BadInputException("--warmups: must be 0 or more, got " + warmups);
        PrintWriter err = spec.commandLine().getErr();
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
        BootBench.Result r = new BootBench(err).run(new BootBench.Options(BootBenchCommandLine.of(img.toAbsolutePath(), vendor.vendor()), runs, warmups));
        PrintWriter out = spec.commandLine().getOut();
        out.print(json ? r.json() + System.lineSeparator() : r.text());
        out.flush();
        return ExitCodes.OK;
    }
}
