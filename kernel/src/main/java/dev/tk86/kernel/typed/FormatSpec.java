package dev.tk86.kernel.typed;

/**
 * One piece of a printf/panic format string, parsed at compile time. A conversion is
 * {@code %[-][0][width]c} with c one of d u x p s c; {@code %%} is literal text.
 */
public sealed interface FormatSpec {
    record Text(String text) implements FormatSpec {}

    /** {@code argIndex} counts the arguments after the format string, from 0. */
    record Conv(char conversion, boolean leftAlign, boolean zeroPad, int width, int argIndex) implements FormatSpec {}
}
