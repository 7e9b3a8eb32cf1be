package dev.tk86.images.support;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.images.build.BuildRequest;
import dev.tk86.images.build.BuildResult;
import dev.tk86.images.build.ImageBuild;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Builds images of this checkout for tests (each configuration once per test JVM) and runs
 * host tools. The tools are required: a missing one fails the test with a message, never skips it.
 */
public final class TestBuilds {
    private TestBuilds() { }

    public static final SourceLayout LAYOUT = new SourceLayout(Path.of("..").toAbsolutePath().normalize());
    /** Next to the test classes, in this build's output folder (target, or target-NAME with -Dtk86.out). */
    private static final Path OUT = buildDir().resolve("test-images");
    private static final ConcurrentHashMap<String, BuildResult> BUILT = new ConcurrentHashMap<>();

    private static Path buildDir() {
        try {
            return Path.of(TestBuilds.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    /** The image of configuration {@code name} (built once, then shared). */
    public static synchronized BuildResult image(String name) {
        BuildResult r = BUILT.get(name);
        if (r != null) return r;
        try {
            r = ImageBuild.build(request(name, OUT.resolve(name + ".elf"), List.of(), OUT.resolve("compile").resolve(name)));
        } catch (BuildException e) {
            fail("building " + name + " failed: " + e.getMessage());
        }
        BUILT.put(name, r);
        return r;
    }

    public static BuildRequest request(String config, Path output, List<Path> patches, Path workDir) {
        return new BuildRequest(LAYOUT.config(config), LAYOUT.tree(), LAYOUT.ldScript(), output, patches, workDir);
    }

    /** Every configuration `mvn package` builds. */
    public static List<String> defaultConfigs() {
        try {
            return LAYOUT.defaultConfigs();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public record Output(int status, String out) { }

    /** Runs a host tool; stdout and stderr together. */
    public static Output run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] b = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(cmd.get(0) + " did not finish");
            }
            return new Output(p.exitValue(), new String(b, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return fail("required tool " + cmd.get(0) + " cannot be run (" + e.getMessage() + "); install it (binutils, gdb, patch)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    public static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
