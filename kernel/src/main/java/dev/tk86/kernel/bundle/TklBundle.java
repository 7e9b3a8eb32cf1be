package dev.tk86.kernel.bundle;

import dev.tk86.kernel.check.Compilation;
import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The checked TKL program as an image carries it: the kernel tree's TKL sources and the
 * option set, from which the loader re-runs the front end (the program is a pure function of
 * them, so this is the simplest serialisation that cannot drift from the checker). Layout,
 * all integers little-endian:
 *
 * <pre>
 *   0  magic "TKLB"                 4  u16 version (1)      6  u16 flags (0)
 *   8  u32 n_known, then n_known x (u16 length, UTF-8 option name)
 *      u32 n_enabled, then n_enabled x (u16 length, UTF-8 option name)
 *      u32 n_files, then n_files x (u16 length, UTF-8 path; u32 length, UTF-8 text)
 *      u32 CRC-32 (IEEE) of every byte before it
 * </pre>
 *
 * Files are stored sorted by path, so equal trees give byte-identical bundles.
 */
public record TklBundle(List<SourceFile> files, Options options) {
    public static final byte[] MAGIC = {'T', 'K', 'L', 'B'};
    public static final int VERSION = 1;

    public TklBundle {
        List<SourceFile> sorted = new ArrayList<>(files);
        sorted.sort(null);
        files = List.copyOf(sorted);
    }

    public Compilation compile() { return Frontend.compile(files, options); }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(MAGIC);
        u16(out, VERSION);
        u16(out, 0);
        names(out, options.known());
        names(out, options.enabled());
        u32(out, files.size());
        for (SourceFile f : files) {
            byte[] p = f.path().getBytes(StandardCharsets.UTF_8);
            if (p.length > 0xFFFF) throw new IllegalArgumentException("path too long: " + f.path());
            u16(out, p.length);
            out.writeBytes(p);
            byte[] t = f.text().getBytes(StandardCharsets.UTF_8);
            u32(out, t.length);
            out.writeBytes(t);
        }
        CRC32 crc = new CRC32();
        crc.update(out.toByteArray());
        u32(out, (int) crc.getValue());
        return out.toByteArray();
    }

    /** SHA-256 of the serialised bundle: the cache key for compiled code. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(toBytes()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always provides SHA-256", e);
        }
    }

    public static TklBundle read(byte[] bytes) throws MalformedBundleException {
        return new BundleReader(bytes).read();
    }

    private static void names(ByteArrayOutputStream out, Set<String> names) {
        u32(out, names.size());
        for (String n : names) {
            byte[] b = n.getBytes(StandardCharsets.UTF_8);
            u16(out, b.length);
            out.writeBytes(b);
        }
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        out.write(v);
        out.write(v >>> 8);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        for (int i = 0; i < 4; i++) out.write(v >>> (8 * i));
    }

    /** Checks a path as stored: relative, '/'-separated, no '.' or '..' segments, ending in .tk. */
    static String pathProblem(String path) {
        if (path.isEmpty()) return "is empty";
        if (path.startsWith("/")) return "is absolute";
        if (path.contains("\\")) return "contains a backslash";
        for (String seg : path.split("/", -1)) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) return "has an empty, '.' or '..' segment";
        }
        if (!path.endsWith(".tk")) return "does not end in .tk";
        return null;
    }

}
