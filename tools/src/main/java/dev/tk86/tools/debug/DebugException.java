package dev.tk86.tools.debug;

/**
 * A debugger command that cannot be done as asked (an unknown symbol, an unmapped address, a
 * malformed expression): its message is the one line the user sees; the session goes on.
 */
public final class DebugException extends RuntimeException {
    public DebugException(String message) {
        super(message, null, false, false);
    }
}
