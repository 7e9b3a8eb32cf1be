package dev.tk86.kernel.layout;

import dev.tk86.kernel.types.Type;

/** A struct member as placed in memory: byte offset from the start of the struct, size and alignment. */
public record FieldLayout(String name, Type type, long offset, long size, long align) {}
