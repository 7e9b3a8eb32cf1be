package dev.tk86.isa.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Assembles x86-64 snippets with GNU as (AT&amp;T syntax) into the raw bytes of their .text, so
 * tests can state programs the way a kernel developer writes them. GNU binutils are a required
 * tool of this project: if {@code as} or {@code objcopy} is missing the test fails, it is never
 * skipped. Results are cached per source text.
 */
public final class Assembler {
    private Assembler() { }

    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    /** The bytes of {@code source} assembled at address 0 (use only position-independent code). */
    public static byte[] assemble(String source) {
        return CACHE.computeIfAbsent(source, Assembler::run).clone();
    }

    /** Lines joined with newlines, for one-instruction-per-argument snippets. */
    public static byte[] assembleLines(String... lines) {
        return assemble(String.join("\n", lines));
    }

    private static byte[] run(String source) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("tk86-as");
            Path s = dir.resolve("snippet.s"), o = dir.resolve("snippet.o"), bin = dir.resolve("snippet.bin");
            Files.writeString(s, "\t.text\n" + source + "\n", StandardCharsets.UTF_8);
            exec(dir, List.of("as", "--64", "-o", o.toString(), s.toString()), source);
            exec(dir, List.of("objcopy", "-O", "binary", "-j", ".text", o.toString(), bin.toString()), source);
            return Files.readAllBytes(bin);
        } catch (IOException e) {
            throw new AssertionError("GNU binutils (as, objcopy) are required to run this test: " + e.getMessage(), e);
        } finally {
            if (dir != null) deleteQuietly(dir);
        }
    }

    private static void exec(Path dir, List<String> command, String source) throws IOException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command.get(0) + " did not finish within 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command.get(0), e);
        }
        if (p.exitValue() != 0) throw new AssertionError(command.get(0) + " rejected the snippet:\n" + source + "\n" + out);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.deleteIfExists(f);
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
