package dev.tk86.tools.inspect;

/**
 * Something the inspector was asked for does not exist or cannot be read: an unknown symbol
 * or field, an address the selected CPU's page tables do not map, an expression that does not
 * parse. The message is one line for the user (a debugger prints it and goes on); no stack
 * trace is captured.
 */
public final class InspectException extends RuntimeException {
    public InspectException(String message) {
        super(message, null, false, false);
    }

    public static InspectException of(String format, Object... args) {
        return new InspectException(String.format(format, args));
    }
}
