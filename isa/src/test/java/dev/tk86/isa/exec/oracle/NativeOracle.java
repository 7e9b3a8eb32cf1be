package dev.tk86.isa.exec.oracle;

import dev.tk86.isa.cpu.CpuVendor;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The host CPU as an oracle: builds isa/src/test/native/oracle.c with gcc into the test output
 * folder and runs batches of cases through it (see the protocol at the top of oracle.c). gcc
 * is a required tool of this project: if it is missing or the build fails, the test fails.
 */
public final class NativeOracle {
    static final int IN_SIZE = 16 + 16 * 8 + 8 + 2 * OracleCase.WINDOW;
    static final int OUT_SIZE = 8 + 16 * 8 + 8 + 8 + 8 + 2 * OracleCase.WINDOW;

    private final Path binary;

    private NativeOracle(Path binary) { this.binary = binary; }

    /** Compiles the harness (once per test-output folder and source change). */
    public static NativeOracle build() {
        Path source = Path.of("src/test/native/oracle.c").toAbsolutePath();
        if (!Files.isRegularFile(source)) throw new AssertionError("native oracle source not found at " + source);
        Path out = testOutputFolder().resolve("native");
        Path binary = out.resolve("oracle");
        try {
            Files.createDirectories(out);
            if (!Files.exists(binary) || Files.getLastModifiedTime(binary).compareTo(Files.getLastModifiedTime(source)) < 0) {
                Process p = new ProcessBuilder("gcc", "-O2", "-Wall", "-o", binary.toString(), source.toString())
                        .redirectErrorStream(true).start();
                String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0)
                    throw new AssertionError("gcc failed to build the native oracle:\n" + msg);
            }
        } catch (IOException e) {
            throw new AssertionError("gcc is required to build the native oracle (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while building the native oracle", e);
        }
        return new NativeOracle(binary);
    }

    private static Path testOutputFolder() {
        try {
            return Path.of(NativeOracle.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The host CPU's vendor, from its CPUID leaf 0 (asked through the harness): the differential
     * test runs tk86 with that vendor's rules. A vendor tk86 does not model fails the test.
     */
    public CpuVendor hostVendor() {
        try {
            Process p = new ProcessBuilder(binary.toString(), "--vendor").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String id = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new AssertionError("oracle --vendor failed");
            return switch (id) {
                case "GenuineIntel" -> CpuVendor.INTEL;
                case "AuthenticAMD" -> CpuVendor.AMD;
                default -> throw new AssertionError("the host CPU's vendor '" + id + "' is neither GenuineIntel nor AuthenticAMD");
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Runs every case on the host CPU, in order, in one process. */
    public List<OracleResult> run(List<OracleCase> cases) {
        try {
            Process p = new ProcessBuilder(binary.toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread writer = new Thread(() -> write(p.getOutputStream(), cases), "oracle-writer");
            writer.start();
            List<OracleResult> results = new ArrayList<>(cases.size());
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(p.getInputStream(), 1 << 20))) {
                byte[] rec = new byte[OUT_SIZE];
                for (int i = 0; i < cases.size(); i++) {
                    try {
                        in.readFully(rec);
                    } catch (EOFException e) {
                        throw new AssertionError("the native oracle stopped after " + i + " of " + cases.size()
                                + " cases; the next one is " + cases.get(i).hex());
                    }
                    results.add(decode(rec));
                }
            }
            writer.join();
            if (!p.waitFor(60, TimeUnit.SECONDS)) { p.destroyForcibly(); throw new AssertionError("the native oracle did not exit"); }
            if (p.exitValue() != 0) throw new AssertionError("the native oracle exited with status " + p.exitValue());
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void write(OutputStream raw, List<OracleCase> cases) {
        try (OutputStream out = new BufferedOutputStream(raw, 1 << 20)) {
            ByteBuffer b = ByteBuffer.allocate(IN_SIZE).order(ByteOrder.LITTLE_ENDIAN);
            for (OracleCase c : cases) {
                b.clear();
                b.put((byte) c.code().length).put(c.code()).position(16);
                for (long r : c.regs()) b.putLong(r);
                b.putLong(c.rflags()).put(c.data()).put(c.stack());
                out.write(b.array());
            }
        } catch (IOException e) {
            // the reader reports the short output
        }
    }

    private static OracleResult decode(byte[] rec) {
        ByteBuffer b = ByteBuffer.wrap(rec).order(ByteOrder.LITTLE_ENDIAN);
        int signal = (int) b.getLong();
        long[] regs = new long[16];
        for (int i = 0; i < 16; i++) regs[i] = b.getLong();
        long rflags = b.getLong(), rip = b.getLong(), addr = b.getLong();
        byte[] data = new byte[OracleCase.WINDOW], stack = new byte[OracleCase.WINDOW];
        b.get(data).get(stack);
        return new OracleResult(signal, regs, rflags, rip, addr, data, stack);
    }
}
