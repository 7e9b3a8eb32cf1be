package dev.tk86.tools;

/**
 * Something outside the guest failed: a host tool (gcc, objcopy) is missing or reported an
 * error, or a benchmark's checksum disagrees with the native run. Exit status 4, one line.
 */
public final class ToolFailureException extends RuntimeException {
    public ToolFailureException(String message) {
        super(message, null, false, false);
    }
}
