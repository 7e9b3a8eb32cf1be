package dev.tk86.tools.boot;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.images.build.BuildRequest;
import dev.tk86.images.build.ImageBuild;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The image {@code tk86 boot} runs when none is given: GENERIC, as {@code mvn package} (and so
 * the launcher's first build) leaves it in images/target/images. If it is not there, it is
 * built now, the same way.
 */
public final class DefaultImage {
    private DefaultImage() { }

    public static final String CONFIG = "GENERIC";

    public static Path path(SourceLayout layout) { return layout.defaultImageDir().resolve(CONFIG + ".elf"); }

    /** The default image, building it first if it does not exist (progress on {@code err}). */
    public static Path resolve(SourceLayout layout, PrintWriter err) throws BuildException {
        Path image = path(layout);
        if (Files.isRegularFile(image)) return image;
        err.println("tk86: " + image + " does not exist; building " + CONFIG + " ...");
        err.flush();
        ImageBuild.build(new BuildRequest(layout.config(CONFIG), layout.tree(), layout.ldScript(), image, List.of(),
                layout.root().resolve("images/target/compile").resolve(CONFIG)));
        return image;
    }
}
