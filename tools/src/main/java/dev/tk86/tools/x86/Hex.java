package dev.tk86.tools.x86;

import dev.tk86.tools.BadInputException;

/** Bytes written as hexadecimal text, e.g. {@code 4889c3} or {@code 48 89 c3}. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() { }

    /**
     * Parses pairs of hex digits; white space between them is ignored. {@code what} names the
     * input in error messages (e.g. {@code --code}).
     */
    public static byte[] parse(String text, String what) {
        byte[] out = new byte[text.length() / 2 + 1];
        int n = 0, digits = 0, high = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) continue;
            int d = Character.digit(c, 16);
            if (d < 0) {
                String hint = (c == 'x' || c == 'X') && digits == 1 ? " (write bytes without a 0x prefix)" : "";
                throw new BadInputException(String.format("%s: '%s' at position %d is not a hex digit%s",
                        what, printable(c), i + 1, hint));
            }
            if ((digits++ & 1) == 0) high = d;
            else out[n++] = (byte) (high << 4 | d);
        }
        if (digits == 0) throw new BadInputException(what + ": no bytes given");
        if ((digits & 1) != 0)
            throw new BadInputException(what + ": odd number of hex digits (" + digits + "): each byte needs two");
        return java.util.Arrays.copyOf(out, n);
    }

    public static String format(byte[] bytes) { return format(bytes, 0, bytes.length, ""); }

    /** {@code bytes[from, to)} as hex pairs separated by {@code sep}. */
    public static String format(byte[] bytes, int from, int to, String sep) {
        StringBuilder s = new StringBuilder((to - from) * (2 + sep.length()));
        for (int i = from; i < to; i++) {
            if (i > from) s.append(sep);
            s.append(DIGITS[(bytes[i] >> 4) & 0xF]).append(DIGITS[bytes[i] & 0xF]);
        }
        return s.toString();
    }

    /** {@code 0x}-prefixed lower-case hexadecimal of the 64-bit pattern. */
    public static String word(long v) { return "0x" + Long.toHexString(v); }

    private static String printable(char c) {
        return c < 0x20 || c >= 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }
}
