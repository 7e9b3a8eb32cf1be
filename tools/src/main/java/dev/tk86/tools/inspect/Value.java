package dev.tk86.tools.inspect;

import dev.tk86.kernel.types.Type;

/**
 * A typed kernel value: either an object in guest memory ({@code inMemory}, at
 * {@code address}, read lazily) or a computed scalar ({@code bits}, normalised to its type),
 * as a debugger's lvalues and rvalues.
 */
public record Value(Type type, long address, long bits, boolean inMemory) {
    public static Value at(Type type, long address) { return new Value(type, address, 0, true); }

    public static Value of(Type type, long bits) { return new Value(type, 0, bits, false); }
}
