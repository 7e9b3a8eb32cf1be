package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.check.ImageSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Which kernel a check, replay or compare runs: an IMAGE file (the command's positional
 * parameter), or {@code --config C [--patch DIFF ...]} built first, or the default GENERIC image.
 */
public final class KernelChoice {
    @Option(names = "--config", paramLabel = "C", description = "build configuration C (images/conf/C or a file) and run it")
    String config;

    @Option(names = "--patch", paramLabel = "DIFF", description = "with --config: apply this unified diff to the copy of the kernel tree (repeatable)")
    List<Path> patches = new ArrayList<>();

    /** The kernel, given the command's IMAGE (null when none was given). */
    public ImageSource source(Path image, PrintWriter err) {
        if (image != null && config != null) throw new BadInputException("give either IMAGE or --config, not both");
        if (!patches.isEmpty() && config == null) throw new BadInputException("--patch needs --config (a built image cannot be patched)");
        if (image != null) return new ImageSource.File(image);
        if (config != null) return new ImageSource.Configured(config, patches);
        try {
            return new ImageSource.File(DefaultImage.resolve(SourceLayout.locate(), err));
        } catch (BuildException e) {
            throw new BadInputException("cannot build the default image: " + e.headline());
        }
    }
}
