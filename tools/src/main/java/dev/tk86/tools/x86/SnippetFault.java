package dev.tk86.tools.x86;

import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;

/**
 * The exception that ended a snippet, as the CPU raised it.
 *
 * @param errorCode the error code pushed for this vector, or null if it has none
 * @param cr2       the faulting linear address for #PF, else null
 * @param detail    tk86's description (for #UD, which instruction)
 */
public record SnippetFault(int vector, String name, Long errorCode, Long cr2, String detail) {
    public static SnippetFault of(GuestFault f) {
        return new SnippetFault(f.vector(), Vector.name(f.vector()),
                f.hasErrorCode() ? f.errorCode() : null,
                f.vector() == Vector.PF ? f.cr2() : null,
                f.detail() == null ? "" : f.detail());
    }
}
