package dev.tk86.tools;

/**
 * The user gave the tool something it cannot use: malformed hex, a bad address, an unknown
 * register, a missing file. The command line prints the message as one line and exits with
 * status 2; there is no stack trace to show, so none is captured.
 */
public final class BadInputException extends RuntimeException {
    public BadInputException(String message) {
        super(message, null, false, false);
    }
}
