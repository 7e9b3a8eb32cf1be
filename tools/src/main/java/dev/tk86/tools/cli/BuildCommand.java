package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.images.build.BuildRequest;
import dev.tk86.images.build.BuildResult;
import dev.tk86.images.build.ImageBuild;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 build}: one kernel image from a configuration, optionally with patches. */
@Command(name = "build", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Build the kernel image of a configuration (images/conf/CONFIG, or a path to a",
                "configuration file): genassym, cpp and GNU as on the tree's .S files, the TKL",
                "compiler, GNU ld with images/conf/ld.script. The kernel tree (kernel/sys) is",
                "copied first, and each --patch DIFF is applied to the copy, so a locore change",
                "can be tried without touching the tree. Errors are printed one per line with",
                "the tool's file:line, and the compile directory is kept for inspection. The",
                "format of configurations and diffs is in images/conf/README.md."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                " 0:the image was built",
                " 1:the kernel does not build: compile, assembly or link errors, a patch that does not apply, a bad configuration, a missing build tool",
                " 2:bad command-line options",
                "70:internal error in tk86"})
final class BuildCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "CONFIG", description = "configuration name (GENERIC, SMOKE) or file")
    String config;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "the image to write (default: CONFIG.elf here)")
    Path output;

    @Option(names = "--patch", paramLabel = "DIFF",
            description = "unified diff to apply to the copy of the kernel tree (repeatable; a/sys/... or a/kernel/sys/... paths)")
    List<Path> patches = new ArrayList<>();

    @Option(names = "--work", paramLabel = "DIR",
            description = "compile directory to use and keep (default: a temporary one, deleted after a successful build)")
    Path work;

    @Override
    public Integer call() {
        SourceLayout layout = SourceLayout.locate();
        Path configFile = layout.config(config);
        String name = configFile.getFileName().toString();
        Path out = output != null ? output : Path.of(name + ".elf");
        PrintWriter stdout = spec.commandLine().getOut(), stderr = spec.commandLine().getErr();
        try {
            BuildResult r = ImageBuild.build(new BuildRequest(configFile, layout.tree(), layout.ldScript(), out, patches, work));
            for (String w : r.warnings()) stderr.println("tk86: warning: " + w);
            stdout.println("tk86: built " + r.config().name() + " -> " + r.image() + " (" + r.bytes() + " bytes"
                    + (r.workDir() == null ? "" : ", compile directory " + r.workDir()) + ")");
            stdout.flush();
            return 0;
        } catch (BuildException e) {
            stdout.flush();
            stderr.println("tk86: build " + name + ": " + e.headline());
            for (String line : e.errors()) stderr.println(line);
            stderr.flush();
            return 1;
        }
    }
}
