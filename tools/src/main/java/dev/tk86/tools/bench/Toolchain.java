package dev.tk86.tools.bench;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.ToolFailureException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the benchmark loops with the host's gcc and objcopy:
 * {@code gcc -nostdlib -static -DBAREMETAL -DITERS=N [-DCR3SWITCH] [-DSTORES] -c X.S} and the
 * raw {@code .text} through {@code objcopy -O binary -j .text}; and runs the native build
 * (without BAREMETAL, ending in the Linux exit system call) to learn the checksum the loop
 * must produce. The sources are tk86's own (copied out of the jar into a temporary folder),
 * or those of a folder the user names.
 */
public final class Toolchain implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 120;
    private final Path benchDir;
    private final Path work;
    private int serial;

    /** @param benchDir a folder with the loops' sources, or null for tk86's own */
    public Toolchain(Path benchDir) {
        if (benchDir != null && !Files.isDirectory(benchDir))
            throw new BadInputException("benchmark sources not found: " + benchDir + " is not a folder (--bench-dir DIR)");
        try {
            this.work = Files.createTempDirectory("tk86-bench");
        } catch (IOException e) {
            throw new ToolFailureException("cannot create a temporary folder: " + e.getMessage());
        }
        this.benchDir = benchDir != null ? benchDir : builtIn(work.resolve("src"));
    }

    /** Copies the loops built into tk86 to {@code dir}. */
    private static Path builtIn(Path dir) {
        try {
            Files.createDirectories(dir);
            for (String f : BenchLoop.FILES) {
                try (InputStream in = Toolchain.class.getResourceAsStream("loops/" + f)) {
                    if (in == null) throw new IllegalStateException("the benchmark source " + f + " is missing from tk86's resources");
                    Files.copy(in, dir.resolve(f));
                }
            }
            return dir;
        } catch (IOException e) {
            throw new ToolFailureException("cannot copy the benchmark sources to " + dir + ": " + e.getMessage());
        }
    }

    /** The ring-0 build's code bytes. */
    public byte[] bareMetal(BenchLoop loop, long iterations) {
        Path source = source(loop);
        Path obj = work.resolve(loop.key() + "-" + (++serial) + ".o");
        Path bin = work.resolve(loop.key() + "-" + serial + ".bin");
        List<String> gcc = new ArrayList<>(List.of("gcc", "-nostdlib", "-static", "-DBAREMETAL", "-DITERS=" + iterations));
        if (loop.cr3Switch()) gcc.add("-DCR3SWITCH");
        for (String d : loop.defines()) gcc.add("-D" + d);
        gcc.addAll(List.of("-c", source.toString(), "-o", obj.toString()));
        exec(gcc);
        exec(List.of("objcopy", "-O", "binary", "-j", ".text", obj.toString(), bin.toString()));
        try {
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new ToolFailureException("cannot read " + bin + ": " + e.getMessage());
        }
    }

    /**
     * The checksum the loop must produce: the exit status of the native build. The CR3 variant
     * cannot run natively (ring 0 only); it computes what the plain switch loop computes.
     */
    public int nativeChecksum(BenchLoop loop, long iterations) {
        Path exe = work.resolve(loop.key() + "-native-" + (++serial));
        List<String> gcc = new ArrayList<>(List.of("gcc", "-nostdlib", "-static", "-DITERS=" + iterations));
        for (String d : loop.defines()) gcc.add("-D" + d);
        gcc.addAll(List.of(source(loop).toString(), "-o", exe.toString()));
        exec(gcc);
        return run(List.of(exe.toString())).status();
    }

    /** The loop's source file; a folder given with --bench-dir must have it. */
    private Path source(BenchLoop loop) {
        Path f = benchDir.resolve(loop.source());
        if (!Files.isRegularFile(f))
            throw new BadInputException("benchmark sources not found: " + f + " is missing (the " + loop.key() + " loop's source)");
        return f;
    }

    private record Outcome(int status, String output) { }

    /** Runs a build tool; any failure is reported with the tool's first line of output. */
    private static void exec(List<String> cmd) {
        Outcome o = run(cmd);
        if (o.status() != 0)
            throw new ToolFailureException(String.join(" ", cmd) + " failed with status " + o.status()
                    + (o.output().isEmpty() ? "" : ": " + o.output().lines().findFirst().orElse("")));
    }

    private static Outcome run(List<String> cmd) {
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new ToolFailureException("cannot run " + cmd.get(0) + " (is it installed?): " + e.getMessage());
        }
        try {
            byte[] output = p.getInputStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolFailureException(cmd.get(0) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Outcome(p.exitValue(), new String(output, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new ToolFailureException("reading the output of " + cmd.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailureException("interrupted while running " + cmd.get(0));
        }
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
