package dev.tk86.kernel.lower;

import dev.tk86.kernel.types.Type;

/**
 * A named piece of a frame at {@code rbp + offset}: a parameter, a local, or a compiler
 * temporary ({@code $t0}, {@code $t1}, ...: 8 bytes each, values that live across a call).
 */
public record FrameSlot(String name, Type type, long offset, long size, Kind kind) {
    public enum Kind { PARAM, LOCAL, TEMP }
}
