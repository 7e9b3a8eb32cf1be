package dev.tk86.tools.boot;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.images.build.BuildRequest;
import dev.tk86.images.build.ImageBuild;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kernel images for the boot tests, built from this checkout's tree with the image build
 * (once per JVM): a configuration as it is, or with a one-line change to a file of the tree,
 * which is how the tests make a kernel that panics, faults or exits with another status.
 */
public final class TestImages {
    private TestImages() { }

    public static final SourceLayout LAYOUT = SourceLayout.locate();
    /** Next to the test classes, in this build's output folder (target, or target-NAME with -Dtk86.out). */
    private static final Path OUT = buildDir().resolve("test-images");
    private static final Map<String, Path> BUILT = new HashMap<>();

    public static Path of(String config) { return build(config, null, null, null); }

    private static Path buildDir() {
        try {
            return Path.of(TestImages.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * {@code config} with the first line of {@code file} (relative to kernel/sys) that contains
     * {@code find} replaced by {@code replacement}.
     */
    public static synchronized Path patched(String config, String file, String find, String replacement) {
        return build(config, file, find, replacement);
    }

    private static synchronized Path build(String config, String file, String find, String replacement) {
        String key = config + "|" + file + "|" + find + "|" + replacement;
        Path done = BUILT.get(key);
        if (done != null) return done;
        String name = config + (file == null ? "" : "-" + Integer.toHexString(key.hashCode()));
        Path out = OUT.resolve(name + ".elf");
        List<Path> patches = new ArrayList<>();
        try {
            Files.createDirectories(OUT);
            if (file != null) patches.add(Files.writeString(OUT.resolve(name + ".diff"), diff(file, find, replacement)));
            ImageBuild.build(new BuildRequest(LAYOUT.config(config), LAYOUT.tree(), LAYOUT.ldScript(), out, patches, null));
        } catch (IOException | BuildException e) {
            fail("building " + name + " failed: " + e.getMessage());
        }
        BUILT.put(key, out);
        return out;
    }

    /**
     * A test kernel of this module's test resources (kernels/name: the configuration NAME in upper case and
     * its own tree sys/), linked with the project's linker script.
     */
    public static synchronized Path testKernel(String name) {
        String key = "test-kernel|" + name;
        Path done = BUILT.get(key);
        if (done != null) return done;
        Path root;
        try {
            root = Path.of(TestImages.class.getResource("/kernels/" + name).toURI());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            throw new AssertionError("no test kernel " + name + " in the test resources");
        }
        Path out = OUT.resolve("test-kernel-" + name + ".elf");
        try {
            Files.createDirectories(OUT);
            ImageBuild.build(new BuildRequest(root.resolve(name.toUpperCase(java.util.Locale.ROOT)), root.resolve("sys"), LAYOUT.ldScript(), out, List.of(), null));
        } catch (IOException | BuildException e) {
            fail("building test kernel " + name + " failed: " + e.getMessage());
        }
        BUILT.put(key, out);
        return out;
    }

    /** A unified diff replacing one line, with three lines of context (OpenBSD-style a/sys/ paths). */
    public static String diff(String file, String find, String replacement) throws IOException {
        List<String> lines = Files.readAllLines(LAYOUT.tree().resolve(file));
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) if (lines.get(i).contains(find)) at = i;
        if (at < 0) throw new AssertionError(file + " has no line containing " + find);
        int from = Math.max(0, at - 3), to = Math.min(lines.size() - 1, at + 3), n = to - from + 1;
        StringBuilder d = new StringBuilder("--- a/sys/" + file + "\n+++ b/sys/" + file + "\n");
        d.append("@@ -").append(from + 1).append(',').append(n).append(" +").append(from + 1).append(',').append(n).append(" @@\n");
        for (int i = from; i <= to; i++) {
            if (i == at) d.append('-').append(lines.get(i)).append('\n').append('+').append(replacement).append('\n');
            else d.append(' ').append(lines.get(i)).append('\n');
        }
        return d.toString();
    }
}
