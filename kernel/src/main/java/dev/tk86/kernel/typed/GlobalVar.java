package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.types.Type;

/**
 * A global variable: an ELF symbol named {@link #name()} holding {@code type.size()} bytes,
 * aligned to {@code type.align()}. Defined ones have a {@link GlobalDef} in the program;
 * {@code external} ones are defined in locore.S.
 */
public record GlobalVar(String name, Type type, boolean external, Pos pos) {}
