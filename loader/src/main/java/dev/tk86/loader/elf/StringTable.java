package dev.tk86.loader.elf;

import dev.tk86.loader.ImageException;
import java.nio.charset.StandardCharsets;

/** An ELF string table: NUL-terminated strings addressed by byte offset (gABI "String Table"). */
public final class StringTable {
    private final byte[] file;
    private final long offset, size;
    private final String label;

    private StringTable(byte[] file, long offset, long size, String label) {
        this.file = file;
        this.offset = offset;
        this.size = size;
        this.label = label;
    }

    /**
     * The string table at [offset, offset + size) of the file. It must lie inside the file and
     * end with a NUL byte, so that every string in it ends inside it.
     */
    public static StringTable of(byte[] file, long offset, long size, String label) throws ImageException {
        if (!FileBytes.fits(offset, size, file.length))
            throw ImageException.of("%s: sh_offset+sh_size %s exceeds the file size 0x%x",
                    label, FileBytes.end(offset, size), file.length);
        if (size == 0 || file[(int) (offset + size - 1)] != 0)
            throw ImageException.of("%s: string table does not end with a NUL byte", label);
        return new StringTable(file, offset, size, label);
    }

    /** The string at {@code index}; {@code what} names the field holding the index. */
    public String at(long index, String what) throws ImageException {
        if (Long.compareUnsigned(index, size) >= 0)
            throw ImageException.of("%s 0x%x is beyond the end of the string table %s (size 0x%x)",
                    what, index, label, size);
        int start = (int) (offset + index), end = start;
        while (file[end] != 0) end++;
        return new String(file, start, end - start, StandardCharsets.UTF_8);
    }
}
