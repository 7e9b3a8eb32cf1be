package dev.tk86.kernel.testing;

/** Small helpers for test programs. */
public final class Sources {
    private Sources() {}

    /** The 1-based line of the first line containing {@code marker}. */
    public static int lineOf(String text, String marker) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) if (lines[i].contains(marker)) return i + 1;
        throw new IllegalArgumentException("no line contains " + marker);
    }
}
