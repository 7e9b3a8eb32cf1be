package dev.tk86.tools.json;

/**
 * Malformed JSON text. The message says what was expected and where, as
 * {@code column N: ...} (1-based, in characters); multi-line text adds the line.
 */
public final class JsonException extends RuntimeException {
    private final int line;
    private final int column;

    public JsonException(int line, int column, String what) {
        super((line > 1 ? "line " + line + ", " : "") + "column " + column + ": " + what, null, false, false);
        this.line = line;
        this.column = column;
    }

    public int line() { return line; }

    public int column() { return column; }
}
