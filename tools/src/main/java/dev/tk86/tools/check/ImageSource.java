package dev.tk86.tools.check;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.images.build.BuildRequest;
import dev.tk86.images.build.ImageBuild;
import dev.tk86.tools.BadInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the kernel of a check comes from: an image file, or a configuration (images/conf/NAME
 * or a file) built with patches. Either way it can be named in a replay command.
 */
public sealed interface ImageSource {
    /** The image to boot, building it first if needed. A build that fails is bad input, one line. */
    Path image();

    /** The words of a replay command that select this kernel. */
    List<String> replayArguments();

    /** A short name for tables and comparisons. */
    String label();

    record File(Path path) implements ImageSource {
        @Override public Path image() {
            if (!Files.isRegularFile(path)) throw new BadInputException(path + ": no such image file");
            return path;
        }

        @Override public List<String> replayArguments() { return List.of(path.toString()); }

        @Override public String label() { return path.getFileName().toString(); }
    }

    /** A configuration and its patches, built once into a temporary directory. */
    final class Configured implements ImageSource {
        private final String config;
        private final List<Path> patches;
        private Path built;

        public Configured(String config, List<Path> patches) {
            this.config = config;
            this.patches = List.copyOf(patches);
        }

        @Override public synchronized Path image() {
            if (built != null) return built;
            SourceLayout layout = SourceLayout.locate();
            Path configFile = layout.config(config);
            if (!Files.isRegularFile(configFile))
                throw new BadInputException("--config: unknown configuration '" + config + "' (no " + configFile + ")");
            for (Path p : patches) if (!Files.isRegularFile(p)) throw new BadInputException("--patch: " + p + ": no such file");
            try {
                Path dir = Files.createTempDirectory("tk86-check-");
                dir.toFile().deleteOnExit();
                Path out = dir.resolve(configFile.getFileName() + ".elf");
                ImageBuild.build(new BuildRequest(configFile, layout.tree(), layout.ldScript(), out, patches, null));
                out.toFile().deleteOnExit();
                built = out;
                return out;
            } catch (BuildException e) {
                String first = e.errors().isEmpty() ? "" : ": " + e.errors().get(0);
                throw new BadInputException("--config " + config + (patches.isEmpty() ? "" : " --patch " + patches)
                        + ": " + e.headline() + first);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override public List<String> replayArguments() {
            List<String> a = new ArrayList<>(List.of("--config", config));
            for (Path p : patches) { a.add("--patch"); a.add(p.toString()); }
            return a;
        }

        @Override public String label() {
            StringBuilder s = new StringBuilder(config);
            for (Path p : patches) s.append('+').append(p.getFileName());
            return s.toString();
        }
    }
}
