package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.types.Type;
import java.util.List;

/**
 * A function name: TKL-defined or {@code extern} (implemented in locore x86). The ELF symbol
 * is {@link #name()}. {@code type.result()} is {@code Types.VOID} when it returns nothing.
 */
public record FunctionSymbol(String name, Type.Fn type, List<String> paramNames, boolean external, Pos pos) {}
