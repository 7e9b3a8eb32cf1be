package dev.tk86.kernel.diag;

/** A position in a source file: 1-based line and column (columns count characters; a tab is one). */
public record Pos(SourceFile file, int line, int col) implements Comparable<Pos> {

    /** Position used for things that have no source location (options given on the command line). */
    public static final Pos NONE = new Pos(new SourceFile("<options>", ""), 0, 0);

    public String path() { return file.path(); }

    @Override public int compareTo(Pos o) {
        int c = file.path().compareTo(o.file.path());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(col, o.col);
    }

    @Override public String toString() { return file.path() + ":" + line + ":" + col; }
}
