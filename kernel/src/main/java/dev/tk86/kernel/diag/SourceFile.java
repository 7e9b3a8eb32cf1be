package dev.tk86.kernel.diag;

import java.util.Arrays;

/**
 * One TKL source file: its path as the user names it (relative to the kernel tree, used in
 * every diagnostic) and its text. Line starts are indexed once so that diagnostics can quote
 * the offending line cheaply.
 */
public final class SourceFile implements Comparable<SourceFile> {
    private final String path;
    private final String text;
    private final int[] lineStarts;

    public SourceFile(String path, String text) {
        this.path = path;
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) starts = Arrays.copyOf(starts, n * 2);
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    public String path() { return path; }

    public String text() { return text; }

    public int lineCount() { return lineStarts.length; }

    /** The text of 1-based line {@code line}, without its line terminator ("" if out of range). */
    public String line(int line) {
        if (line < 1 || line > lineStarts.length) return "";
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        if (end > start && text.charAt(end - 1) == '\r') end--;
        return text.substring(start, Math.max(start, end));
    }

    @Override public String toString() { return path; }

    /** By path (then text), the order files are checked and stored in. */
    @Override public int compareTo(SourceFile o) {
        int c = path.compareTo(o.path);
        return c != 0 ? c : text.compareTo(o.text);
    }

    @Override public boolean equals(Object o) {
        return o instanceof SourceFile s && s.path.equals(path) && s.text.equals(text);
    }

    @Override public int hashCode() { return path.hashCode() * 31 + text.hashCode(); }
}
