package dev.tk86.kernel.bundle;

import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/** Parses and validates a {@link TklBundle}; every problem names the field and its byte offset. */
final class BundleReader {
    private final byte[] b;
    private int at;

    BundleReader(byte[] bytes) { this.b = bytes; }

    private MalformedBundleException bad(String msg) { return new MalformedBundleException("TKL bundle: " + msg); }

    TklBundle read() throws MalformedBundleException {
        if (b.length < 16) throw bad("only " + b.length + " bytes; a bundle has at least 16 (header, three counts, checksum)");
        for (int i = 0; i < 4; i++) {
            if (b[i] != TklBundle.MAGIC[i]) {
                if ((b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA && (b[3] & 0xff) == 0xBE) {
                    throw bad("starts with the Java class-file magic 0xCAFEBABE: images never carry host bytecode");
                }
                throw bad(String.format("bad magic %02x %02x %02x %02x at offset 0 (expected \"TKLB\")",
                        b[0] & 0xff, b[1] & 0xff, b[2] & 0xff, b[3] & 0xff));
            }
        }
        at = 4;
        int version = u16("version");
        if (version != TklBundle.VERSION) throw bad("unsupported version " + version + " at offset 4 (this tk86 reads version 1)");
        int flags = u16("flags");
        if (flags != 0) throw bad("flags at offset 6 are 0x" + Integer.toHexString(flags) + ", expected 0");
        int body = b.length - 4;
        CRC32 crc = new CRC32();
        crc.update(b, 0, body);
        long stored = Integer.toUnsignedLong(ByteBuffer.wrap(b, body, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt());
        if (stored != crc.getValue()) {
            throw bad(String.format("checksum mismatch at offset %d: stored 0x%08x, computed 0x%08x (corrupted)", body, stored,
                    crc.getValue()));
        }
        Set<String> known = names("known option", body);
        Set<String> enabled = names("enabled option", body);
        for (String e : enabled) {
            if (!known.contains(e)) throw bad("enabled option '" + e + "' is not in the known option list");
        }
        int n = count("file count", body);
        List<SourceFile> files = new ArrayList<>();
        Set<String> paths = new LinkedHashSet<>();
        String prev = null;
        for (int i = 0; i < n; i++) {
            int pathAt = at;
            String path = string("file " + (i + 1) + " path", u16("file " + (i + 1) + " path length"), body);
            String problem = TklBundle.pathProblem(path);
            if (problem != null) throw bad("file " + (i + 1) + " path '" + path + "' at offset " + pathAt + " " + problem);
            if (!paths.add(path)) throw bad("file " + (i + 1) + " path '" + path + "' appears twice");
            if (prev != null && prev.compareTo(path) > 0) throw bad("file " + (i + 1) + " path '" + path + "' is out of order (files are sorted by path)");
            prev = path;
            long len = Integer.toUnsignedLong(u32("file " + (i + 1) + " text length", body));
            if (len > Integer.MAX_VALUE) throw bad("file '" + path + "' text length " + len + " is too large");
            String text = string("text of '" + path + "'", (int) len, body);
            files.add(new SourceFile(path, text));
        }
        if (at != body) throw bad((body - at) + " unexpected bytes at offset " + at + " before the checksum");
        if (files.isEmpty()) throw bad("contains no source files");
        return new TklBundle(files, new Options(known, enabled));
    }

    private int u16(String what) throws MalformedBundleException {
        if (at + 2 > b.length) throw bad(what + " at offset " + at + " runs past the end (" + b.length + " bytes)");
        int v = (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
        at += 2;
        return v;
    }

    private int u32(String what, int limit) throws MalformedBundleException {
        if (at + 4 > limit) throw bad(what + " at offset " + at + " runs past the end of the data (" + limit + " bytes)");
        int v = ByteBuffer.wrap(b, at, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).getInt();
        at += 4;
        return v;
    }

    private int count(String what, int limit) throws MalformedBundleException {
        int start = at;
        long n = Integer.toUnsignedLong(u32(what, limit));
        if (n > (limit - at) / 2) throw bad(what + " " + n + " at offset " + start + " is larger than the data can hold");
        return (int) n;
    }

    private Set<String> names(String what, int limit) throws MalformedBundleException {
        int n = count(what + " count", limit);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            String s = string(what + " " + (i + 1), u16(what + " " + (i + 1) + " length"), limit);
            if (!s.matches("[A-Za-z_][A-Za-z0-9_]*")) throw bad(what + " " + (i + 1) + " '" + s + "' is not an identifier");
            out.add(s);
        }
        return out;
    }

    private String string(String what, int len, int limit) throws MalformedBundleException {
        if (at + (long) len > limit) {
            throw bad(what + " (" + len + " bytes at offset " + at + ") runs past the end of the data (" + limit + " bytes)");
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, at, len)).toString();
            at += len;
            return s;
        } catch (CharacterCodingException e) {
            throw bad(what + " at offset " + at + " is not valid UTF-8");
        }
    }
}
