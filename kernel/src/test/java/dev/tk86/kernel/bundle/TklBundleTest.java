package dev.tk86.kernel.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .tkl payload: sources + options round-trip exactly; every malformed bundle gets its own clear error. */
class TklBundleTest {
    static final List<SourceFile> FILES = List.of(
            new SourceFile("kern/kern_exit.tk", "fn exit1() { hlt(); }\n"),
            new SourceFile("arch/amd64/amd64/cpu.tk", "struct cpu_info { ci_self: *cpu_info }\n// \u00e9\n"));
    static final Options OPTS = Options.of(Set.of("DIAGNOSTIC", "EXIT_REAPER"), "DIAGNOSTIC");

    @Test
    void roundTripsSourcesAndOptions() throws Exception {
        TklBundle b = new TklBundle(FILES, OPTS);
        TklBundle back = TklBundle.read(b.toBytes());
        assertEquals(b.files(), back.files());
        assertEquals(OPTS, back.options());
        assertEquals("arch/amd64/amd64/cpu.tk", back.files().get(0).path());
        assertTrue(back.compile().ok(), back.compile().render());
    }

    @Test
    void equalTreesGiveIdenticalBytesWhateverTheInputOrder() {
        TklBundle a = new TklBundle(FILES, OPTS);
        TklBundle b = new TklBundle(List.of(FILES.get(1), FILES.get(0)), OPTS);
        assertArrayEquals(a.toBytes(), b.toBytes());
        assertEquals(a.sha256(), b.sha256());
        assertEquals(64, a.sha256().length());
    }

    @Test
    void sourceTreeLoadsEveryTkFileWithRelativePaths(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("kern"));
        Files.writeString(dir.resolve("kern/a.tk"), "const A: u32 = 1;\n");
        Files.writeString(dir.resolve("b.tk"), "const B: u32 = A;\n");
        Files.writeString(dir.resolve("kern/notes.txt"), "ignored");
        List<SourceFile> files = SourceTree.load(dir);
        assertEquals(List.of("b.tk", "kern/a.tk"), files.stream().map(SourceFile::path).toList());
    }

    /** Rebuilds a bundle from raw parts with a correct checksum, to reach the checks after the CRC. */
    static byte[] raw(int version, int flags, String[] known, String[] enabled, String[][] files) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes("TKLB".getBytes(StandardCharsets.US_ASCII));
        u16(o, version);
        u16(o, flags);
        for (String[] names : new String[][] {known, enabled}) {
            u32(o, names.length);
            for (String n : names) str16(o, n.getBytes(StandardCharsets.UTF_8));
        }
        u32(o, files.length);
        for (String[] f : files) {
            str16(o, f[0].getBytes(StandardCharsets.UTF_8));
            byte[] t = f[1].getBytes(StandardCharsets.UTF_8);
            u32(o, t.length);
            o.writeBytes(t);
        }
        return withCrc(o.toByteArray());
    }

    static byte[] withCrc(byte[] body) {
        CRC32 c = new CRC32();
        c.update(body);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        o.writeBytes(body);
        u32(o, (int) c.getValue());
        return o.toByteArray();
    }

    static void u16(ByteArrayOutputStream o, int v) { o.write(v); o.write(v >>> 8); }

    static void u32(ByteArrayOutputStream o, int v) { for (int i = 0; i < 4; i++) o.write(v >>> (8 * i)); }

    static void str16(ByteArrayOutputStream o, byte[] b) { u16(o, b.length); o.writeBytes(b); }

    static String error(byte[] bytes) {
        return assertThrows(MalformedBundleException.class, () -> TklBundle.read(bytes)).getMessage();
    }

    static final String[] NONE = {};
    static final String[][] ONE = {{"a.tk", "fn f() {}"}};

    @Test
    void malformedBundlesEachGetTheirOwnError() {
        byte[] good = new TklBundle(FILES, OPTS).toBytes();
        assertEquals("TKL bundle: only 3 bytes; a bundle has at least 16 (header, three counts, checksum)", error(new byte[] {'T', 'K', 'L'}));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertEquals("TKL bundle: bad magic 58 4b 4c 42 at offset 0 (expected \"TKLB\")", error(magic));
        byte[] java = good.clone();
        java[0] = (byte) 0xCA; java[1] = (byte) 0xFE; java[2] = (byte) 0xBA; java[3] = (byte) 0xBE;
        assertEquals("TKL bundle: starts with the Java class-file magic 0xCAFEBABE: images never carry host bytecode", error(java));
        assertEquals("TKL bundle: unsupported version 2 at offset 4 (this tk86 reads version 1)", error(raw(2, 0, NONE, NONE, ONE)));
        assertEquals("TKL bundle: flags at offset 6 are 0x4, expected 0", error(raw(1, 4, NONE, NONE, ONE)));
        byte[] flipped = good.clone();
        flipped[40] ^= 1;
        assertTrue(error(flipped).startsWith("TKL bundle: checksum mismatch at offset " + (good.length - 4)), error(flipped));
        byte[] cut = withCrc(Arrays.copyOf(good, good.length - 20));
        assertTrue(error(cut).contains("runs past the end of the data"), error(cut));
        assertEquals("TKL bundle: enabled option 'X' is not in the known option list",
                error(raw(1, 0, new String[] {"A"}, new String[] {"X"}, ONE)));
        assertEquals("TKL bundle: known option 1 'NOT-AN-IDENT' is not an identifier",
                error(raw(1, 0, new String[] {"NOT-AN-IDENT"}, NONE, ONE)));
        assertEquals("TKL bundle: file 1 path '../x.tk' at offset 20 has an empty, '.' or '..' segment",
                error(raw(1, 0, NONE, NONE, new String[][] {{"../x.tk", ""}})));
        assertEquals("TKL bundle: file 1 path '/abs.tk' at offset 20 is absolute",
                error(raw(1, 0, NONE, NONE, new String[][] {{"/abs.tk", ""}})));
        assertEquals("TKL bundle: file 1 path 'a.c' at offset 20 does not end in .tk",
                error(raw(1, 0, NONE, NONE, new String[][] {{"a.c", ""}})));
        assertEquals("TKL bundle: file 2 path 'a.tk' appears twice",
                error(raw(1, 0, NONE, NONE, new String[][] {{"a.tk", ""}, {"a.tk", ""}})));
        assertEquals("TKL bundle: file 2 path 'a.tk' is out of order (files are sorted by path)",
                error(raw(1, 0, NONE, NONE, new String[][] {{"b.tk", ""}, {"a.tk", ""}})));
        assertEquals("TKL bundle: contains no source files", error(raw(1, 0, NONE, NONE, new String[0][])));
        byte[] trailing = raw(1, 0, NONE, NONE, ONE);
        byte[] extra = withCrc(Arrays.copyOf(Arrays.copyOf(trailing, trailing.length - 4), trailing.length - 4 + 3));
        assertEquals("TKL bundle: 3 unexpected bytes at offset " + (trailing.length - 4) + " before the checksum", error(extra));
        byte[] badUtf = raw(1, 0, NONE, NONE, new String[][] {{"a.tk", "xy"}});
        byte[] body = Arrays.copyOf(badUtf, badUtf.length - 4);
        body[body.length - 1] = (byte) 0xC3;
        assertEquals("TKL bundle: text of 'a.tk' at offset " + (body.length - 2) + " is not valid UTF-8", error(withCrc(body)));
        byte[] huge = raw(1, 0, NONE, NONE, ONE);
        byte[] hb = Arrays.copyOf(huge, huge.length - 4);
        hb[8] = (byte) 0xff; hb[9] = (byte) 0xff; hb[10] = (byte) 0xff; hb[11] = (byte) 0x7f;
        assertEquals("TKL bundle: known option count 2147483647 at offset 8 is larger than the data can hold", error(withCrc(hb)));
    }
}
