package dev.tk86.kernel.diag;

/**
 * One compile error: {@code file:line:col: message}, followed when the position is in a real
 * file by the offending line and a caret under the column, the way C compilers show it.
 */
public record Diagnostic(Pos pos, String message) implements Comparable<Diagnostic> {

    public String path() { return pos.path(); }

    public int line() { return pos.line(); }

    public int col() { return pos.col(); }

    /** The first line only: {@code file:line:col: message}. */
    public String headline() {
        return pos.line() == 0 ? pos.path() + ": " + message : pos + ": " + message;
    }

    /** Headline, the source line, and a caret; tabs in the line are kept so the caret lines up. */
    public String render() {
        if (pos.line() == 0) return headline();
        String src = pos.file().line(pos.line());
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < pos.col() - 1 && i < src.length(); i++) {
            caret.append(src.charAt(i) == '\t' ? '\t' : ' ');
        }
        for (int i = src.length(); i < pos.col() - 1; i++) caret.append(' ');
        caret.append('^');
        return headline() + "\n" + src + "\n" + caret;
    }

    @Override public int compareTo(Diagnostic o) {
        int c = pos.compareTo(o.pos);
        return c != 0 ? c : message.compareTo(o.message);
    }

    @Override public String toString() { return headline(); }
}
