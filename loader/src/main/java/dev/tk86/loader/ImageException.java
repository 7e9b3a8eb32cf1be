package dev.tk86.loader;

/**
 * A kernel image that cannot be booted, with a one-line message naming the offending field
 * (for example {@code "e_machine: 0x3 is not EM_X86_64 (62)"}). The command line prints it as
 * {@code tk86: IMAGE: MESSAGE} and exits non-zero, so it carries no stack trace: it is a
 * report about the user's file, not about tk86.
 */
public final class ImageException extends Exception {
    public ImageException(String message) {
        super(message, null, false, false);
    }

    /** Formats the message with {@link String#format}. */
    public static ImageException of(String format, Object... args) {
        return new ImageException(String.format(format, args));
    }
}
