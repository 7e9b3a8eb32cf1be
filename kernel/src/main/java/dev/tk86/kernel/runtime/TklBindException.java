package dev.tk86.kernel.runtime;

/**
 * The TKL program of an image cannot be run: a malformed bundle, a program that does not
 * compile, or symbols that do not match it. One line that names what is wrong; the loader
 * reports it as {@code .tkl: MESSAGE}.
 */
public final class TklBindException extends Exception {
    public TklBindException(String message) { super(message, null, false, false); }
}
