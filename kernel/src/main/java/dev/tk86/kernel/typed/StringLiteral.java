package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;

/**
 * A string literal placed in .rodata under {@link #symbol()} ({@code __tkl_str_<index>});
 * {@code bytes} includes the terminating NUL. Identical literals share one entry.
 */
public record StringLiteral(int index, String symbol, byte[] bytes, Pos pos) {
    /** The text without the NUL, for printing (bytes read as ISO-8859-1). */
    public String text() { return new String(bytes, 0, bytes.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1); }
}
