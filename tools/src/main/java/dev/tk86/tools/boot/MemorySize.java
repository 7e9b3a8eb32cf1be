package dev.tk86.tools.boot;

import dev.tk86.tools.BadInputException;

/** Parses {@code --memory}: bytes, or a number with K, M or G (binary units): 64M, 1G, 262144K. */
public final class MemorySize {
    private MemorySize() { }

    /** Upper bound: the machine's physical memory is sparse, but the boot map covers all of it. */
    public static final long MAX = 64L << 30;

    public static long parse(String s) {
        String t = s.strip().toUpperCase();
        long unit = 1;
        if (t.endsWith("IB")) t = t.substring(0, t.length() - 2);
        else if (t.endsWith("B")) t = t.substring(0, t.length() - 1);
        if (t.endsWith("K")) unit = 1L << 10;
        else if (t.endsWith("M")) unit = 1L << 20;
        else if (t.endsWith("G")) unit = 1L << 30;
        if (unit != 1) t = t.substring(0, t.length() - 1);
        long n;
        try {
            n = Long.parseLong(t.strip());
        } catch (NumberFormatException e) {
            throw new BadInputException("--memory: '" + s + "' is not a size (write e.g. 64M, 1G or a number of bytes)");
        }
        if (n <= 0 || n > MAX / unit) throw new BadInputException("--memory: '" + s + "' is out of range (2M .. 64G)");
        long bytes = n * unit;
        if ((bytes & 0xFFF) != 0) throw new BadInputException("--memory: " + bytes + " bytes is not a multiple of 4 KiB");
        if (bytes < (2L << 20)) throw new BadInputException("--memory: " + bytes + " bytes is less than the 2 MiB the boot protocol needs");
        return bytes;
    }
}
