package dev.tk86.images.build;

import dev.tk86.images.config.KernelConfig;
import java.nio.file.Path;
import java.util.List;

/**
 * A built kernel image.
 *
 * @param workDir  the compile directory, or null when it was temporary and has been deleted
 * @param warnings what the assembler and linker warned about, one line each
 */
public record BuildResult(KernelConfig config, Path image, long bytes, Path workDir, List<String> warnings) {
    public BuildResult {
        warnings = List.copyOf(warnings);
    }
}
