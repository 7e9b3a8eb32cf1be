package dev.tk86.loader.elf;

/**
 * Little-endian field reads from an image file. Callers check bounds first (every table and
 * section range is checked against the file size before its fields are read), so an index
 * outside the file here is a bug in tk86, not in the image.
 */
public final class FileBytes {
    private FileBytes() { }

    public static int u8(byte[] f, long off) { return f[(int) off] & 0xFF; }

    public static int u16(byte[] f, long off) { return u8(f, off) | u8(f, off + 1) << 8; }

    public static long u32(byte[] f, long off) { return (u16(f, off) | (long) u16(f, off + 2) << 16) & 0xFFFF_FFFFL; }

    public static long u64(byte[] f, long off) { return u32(f, off) | u32(f, off + 4) << 32; }

    /**
     * Whether [off, off + len) lies inside a file of {@code fileSize} bytes, with both numbers
     * read as unsigned 64-bit values (so a huge offset cannot wrap round to look small).
     */
    public static boolean fits(long off, long len, long fileSize) {
        return Long.compareUnsigned(len, fileSize) <= 0 && Long.compareUnsigned(off, fileSize - len) <= 0;
    }

    /** off + len as an unsigned number for messages, or a note that it overflows 64 bits. */
    public static String end(long off, long len) {
        long e = off + len;
        return Long.compareUnsigned(e, off) < 0 ? "beyond 2^64" : Elf.hex(e);
    }
}
