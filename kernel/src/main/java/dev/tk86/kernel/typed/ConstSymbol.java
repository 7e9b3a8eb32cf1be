package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.types.Type;

/** A folded {@code const}: integer value normalised to its type (see Types.normalize), bools 0/1. */
public record ConstSymbol(String name, Type type, long value, Pos pos) {}
