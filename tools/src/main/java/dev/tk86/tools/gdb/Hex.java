package dev.tk86.tools.gdb;

import java.nio.charset.StandardCharsets;

/** Hex encodings of the remote protocol (memory, monitor text, qXfer replies). */
final class Hex {
    private Hex() { }

    static String of(byte[] b) {
        StringBuilder s = new StringBuilder(b.length * 2);
        for (byte x : b) s.append(String.format("%02x", x & 0xFF));
        return s.toString();
    }

    static String of(String text) { return of(text.getBytes(StandardCharsets.UTF_8)); }

    /** Decodes hex; null if malformed. */
    static byte[] bytes(String s) {
        if ((s.length() & 1) != 0) return null;
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            int hi = PacketIo.hex(s.charAt(2 * i)), lo = PacketIo.hex(s.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) return null;
            b[i] = (byte) (hi << 4 | lo);
        }
        return b;
    }

    /** An unsigned hex number; null if malformed or empty. */
    static Long number(String s) {
        if (s.isEmpty() || s.length() > 16) return null;
        for (int i = 0; i < s.length(); i++) if (PacketIo.hex(s.charAt(i)) < 0) return null;
        return Long.parseUnsignedLong(s, 16);
    }
}
