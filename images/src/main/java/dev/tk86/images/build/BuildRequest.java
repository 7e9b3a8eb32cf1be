package dev.tk86.images.build;

import java.nio.file.Path;
import java.util.List;

/**
 * One kernel to build.
 *
 * @param config  the configuration file
 * @param tree    the kernel tree (kernel/sys); it is copied, never modified
 * @param ldScript the linker script (images/conf/ld.script)
 * @param output  where the ELF image goes
 * @param patches diffs applied to the copy after the configuration's own {@code patch} lines
 * @param workDir the compile directory, kept afterwards; null for a temporary one that is
 *                deleted after a successful build (and kept after a failed one)
 */
public record BuildRequest(Path config, Path tree, Path ldScript, Path output, List<Path> patches, Path workDir) {
    public BuildRequest {
        patches = List.copyOf(patches);
    }
}
