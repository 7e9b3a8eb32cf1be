package dev.tk86.tools.bench;

import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Compilation;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.stub.StubEmitter;
import dev.tk86.tools.ToolFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the benchmark kernel the way an image is built: the TKL stub (StubEmitter, the
 * bundle inline), locore assembled by GNU as, linked by GNU ld; the loader then boots it
 * and the TKL runtime compiles its bundle.
 */
final class TklBenchImage {
    private TklBenchImage() {}

    static byte[] build() {
        TklBundle bundle = new TklBundle(List.of(new SourceFile("bench.tk", TklBenchProgram.TKL)), Options.none());
        Compilation c = bundle.compile();
        if (!c.ok()) throw new ToolFailureException("the benchmark's TKL program does not compile: " + c.errors().get(0).headline());
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tk86-bench-tkl");
            Path stub = dir.resolve("stub.s"), locore = dir.resolve("locore.s"), ld = dir.resolve("kernel.ld"), out = dir.resolve("bench");
            Files.writeString(stub, StubEmitter.emit(c.program(), bundle.toBytes(), "tk86 bench tkl"));
            Files.writeString(locore, TklBenchProgram.LOCORE);
            Files.writeString(ld, TklBenchProgram.LINKER_SCRIPT);
            run(List.of("as", "--64", "-o", dir.resolve("stub.o").toString(), stub.toString()));
            run(List.of("as", "--64", "-o", dir.resolve("locore.o").toString(), locore.toString()));
            run(List.of("ld", "-nostdlib", "-static", "-z", "max-page-size=0x1000", "-T", ld.toString(), "-o", out.toString(),
                    dir.resolve("locore.o").toString(), dir.resolve("stub.o").toString()));
            return Files.readAllBytes(out);
        } catch (IOException e) {
            throw new ToolFailureException("building the benchmark image: " + e.getMessage());
        } finally {
            if (dir != null) delete(dir);
        }
    }

    private static void run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new ToolFailureException(cmd.get(0) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0)
                throw new ToolFailureException(String.join(" ", cmd) + " failed with status " + p.exitValue()
                        + (output.isEmpty() ? "" : ": " + output.lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new ToolFailureException("cannot run " + cmd.get(0) + " (GNU binutils are required): " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ToolFailureException("interrupted while running " + cmd.get(0));
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary folder is harmless
        }
    }
}
