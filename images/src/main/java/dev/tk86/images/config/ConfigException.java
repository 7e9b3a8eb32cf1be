package dev.tk86.images.config;

/**
 * A kernel configuration that cannot be used, with a message that starts with the file and
 * line it is about ({@code images/conf/GENERIC:4: unknown option 'DIAGNOSTC' ...}). No stack
 * trace: it is a report about the user's file.
 */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message, null, false, false);
    }
}
