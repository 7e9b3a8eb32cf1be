package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.types.Type;

/**
 * A parameter or local variable. Every one lives in the function's frame in emulated memory at
 * {@code rbp + frameOffset} (negative: below the saved rbp). Locals never share slots, even in
 * disjoint scopes, so the debugger can always show every variable of a frame.
 *
 * @param id         index in {@link CheckedFunction#locals()} (parameters first)
 * @param paramIndex 0..5 for parameters (the SysV register: rdi rsi rdx rcx r8 r9), -1 for locals
 */
public record Local(String name, Type type, int id, long frameOffset, int paramIndex, Pos pos) {
    public boolean isParam() { return paramIndex >= 0; }
}
