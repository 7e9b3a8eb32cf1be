package dev.tk86.kernel.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.kernel.bundle.TklBundle;
import dev.tk86.kernel.check.Compilation;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.stub.StubEmitter;
import dev.tk86.kernel.typed.CheckedProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test kernel image built the way the real build does it: the TKL front end checks the
 * sources, StubEmitter writes the stub (with the bundle through .incbin), GNU as assembles
 * it, the common x86 harness and the test's own x86 code, and GNU ld links them with
 * image.ld. Built images are cached per content within the JVM.
 */
public final class TklImage {
    public final TestElf elf;
    public final CheckedProgram program;
    public final byte[] bundle;
    public final String stub;

    private TklImage(TestElf elf, CheckedProgram program, byte[] bundle, String stub) {
        this.elf = elf;
        this.program = program;
        this.bundle = bundle;
        this.stub = stub;
    }

    private static final Map<String, TklImage> CACHE = new HashMap<>();
    private static Path dir;
    private static int serial;

    /** A builder: TKL files, options, and optional x86 assembly. */
    public static Builder of(String path, String tkl) { return new Builder().tkl(path, tkl); }

    public static final class Builder {
        private final Map<String, String> files = new LinkedHashMap<>();
        private Set<String> known = Set.of(), enabled = Set.of();
        private final List<String> asm = new ArrayList<>();

        public Builder tkl(String path, String text) { files.put(path, text); return this; }

        public Builder options(Set<String> known, Set<String> enabled) { this.known = known; this.enabled = enabled; return this; }

        public Builder asm(String source) { asm.add(source); return this; }

        public TklImage build() {
            String key = files + "|" + known + "|" + enabled + "|" + asm;
            synchronized (CACHE) {
                TklImage img = CACHE.get(key);
                if (img == null) {
                    img = make(this);
                    CACHE.put(key, img);
                }
                return img;
            }
        }
    }

    private static TklImage make(Builder b) {
        List<SourceFile> sources = new ArrayList<>();
        b.files.forEach((p, t) -> sources.add(new SourceFile(p, t)));
        Options opts = new Options(b.known, b.enabled);
        TklBundle bundle = new TklBundle(sources, opts);
        Compilation c = bundle.compile();
        if (!c.ok()) fail("test program does not compile:\n" + c.render());
        try {
            Path d = workDir();
            String n = "img" + (++serial);
            byte[] bundleBytes = bundle.toBytes();
            Path bin = d.resolve(n + ".bundle");
            Files.write(bin, bundleBytes);
            String stub = StubEmitter.emitIncbin(c.program(), bin.toString(), "test image " + n);
            List<Path> objects = new ArrayList<>();
            objects.add(assemble(d, n + "-stub", stub));
            objects.add(assemble(d, n + "-harness", resource("harness.s")));
            for (int i = 0; i < b.asm.size(); i++) objects.add(assemble(d, n + "-x86-" + i, b.asm.get(i)));
            Path ld = d.resolve("image.ld");
            if (!Files.exists(ld)) Files.writeString(ld, resource("image.ld"));
            Path out = d.resolve(n + ".elf");
            List<String> cmd = new ArrayList<>(List.of("ld", "-nostdlib", "-static", "-z", "max-page-size=0x1000",
                    "-T", ld.toString(), "-o", out.toString()));
            for (Path o : objects) cmd.add(o.toString());
            Binutils.run(cmd);
            return new TklImage(new TestElf(Files.readAllBytes(out)), c.program(), bundleBytes, stub);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path assemble(Path d, String name, String source) throws IOException {
        Path s = d.resolve(name + ".s"), o = d.resolve(name + ".o");
        Files.writeString(s, source);
        Binutils.run(List.of("as", "--64", "-o", o.toString(), s.toString()));
        return o;
    }

    private static synchronized Path workDir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("tk86-tklrt");
            dir.toFile().deleteOnExit();
        }
        return dir;
    }

    public static String resource(String name) {
        try (InputStream in = TklImage.class.getResourceAsStream("/tklrt/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource tklrt/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
