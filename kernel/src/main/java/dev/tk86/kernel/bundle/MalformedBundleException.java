package dev.tk86.kernel.bundle;

/** A .tkl payload that is not a valid bundle; the message names the field and its offset. */
public final class MalformedBundleException extends Exception {
    public MalformedBundleException(String message) { super(message, null, false, false); }
}
