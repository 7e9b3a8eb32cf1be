package dev.tk86.kernel.runtime;

/** Where {@code .text.tkl} is: its virtual start (sh_addr), size, and physical start. */
public record TextRange(long virtualStart, long size, long physicalStart) {
    public TextRange {
        if (size < 0 || size > Integer.MAX_VALUE) throw new IllegalArgumentException(".text.tkl size " + size + " out of range");
    }

    public long virtualEnd() { return virtualStart + size; }

    public long physicalEnd() { return physicalStart + size; }
}
