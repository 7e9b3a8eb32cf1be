package dev.tk86.loader.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Builds the test kernels from the assembly sources and linker scripts in
 * src/test/resources/kernels with GNU as and ld, as a kernel build would, once per JVM.
 * binutils are a requirement of tk86 (images are linked with them): a missing tool fails
 * the test, it does not skip it.
 */
public final class TestKernels {
    private TestKernels() { }

    private static final Map<String, Path> BUILT = new HashMap<>();
    private static Path dir;

    /** Kernel linked at KERNBASE + 1 MiB, loaded at 1 MiB: prints a line and powers off with 0. */
    public static Path hello() { return build("hello", "kernel.ld", "hello.s"); }

    /** The same kernel linked at its physical address, reached through the identity map. */
    public static Path helloIdentity() { return build("hello-identity", "identity.ld", "hello.s"); }

    /** hello plus a .text.tkl range and a .tkl section holding a stub program ("TKLSTUB1"). */
    public static Path withTkl() { return build("hello-tkl", "kernel.ld", "hello.s", "tkl_part.s"); }

    /** Starts the application processors through a STARTUP IPI, as docs/boot.md describes. */
    public static Path smp() { return build("smp", "kernel.ld", "smp.s"); }

    public static byte[] bytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized Path build(String name, String script, String... sources) {
        Path out = BUILT.get(name);
        if (out != null) return out;
        try {
            if (dir == null) {
                dir = Files.createTempDirectory("tk86-loader-kernels");
                dir.toFile().deleteOnExit();
            }
            List<String> ld = new ArrayList<>(List.of("ld", "-nostdlib", "-static", "-z", "max-page-size=0x1000",
                    "-T", resource(script).toString(), "-o"));
            out = dir.resolve(name);
            ld.add(out.toString());
            for (String s : sources) {
                Path obj = dir.resolve(name + "-" + s.replace(".s", ".o"));
                run(List.of("as", "--64", "-o", obj.toString(), resource(s).toString()));
                ld.add(obj.toString());
            }
            run(ld);
            BUILT.put(name, out);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path resource(String name) throws IOException {
        Path p = dir.resolve(name);
        if (Files.exists(p)) return p;
        try (InputStream in = TestKernels.class.getResourceAsStream("/kernels/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource kernels/" + name);
            Files.copy(in, p);
        }
        return p;
    }

    /** Runs a binutils command; its output on failure is the test's failure message. */
    public static String run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", cmd) + " did not finish");
            }
            if (p.exitValue() != 0) fail(String.join(" ", cmd) + " failed (" + p.exitValue() + "):\n" + output);
            return output;
        } catch (IOException e) {
            return fail("cannot run " + cmd.get(0) + " (GNU binutils are required: apt-get install binutils): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }
}
