package dev.tk86.kernel.srcmap;

import dev.tk86.kernel.lower.StepKind;

/**
 * What the debugger knows about one site address: its function, its index in that function,
 * why it exists, and the source position (the statement, or for a return site the call).
 */
public record SiteInfo(String function, int site, long address, StepKind kind, String file, int line, int column) {
    /** {@code file:line:column}. */
    public String position() { return file + ":" + line + ":" + column; }

    @Override public String toString() { return position() + " in " + function + " (site " + site + ", " + kind.name().toLowerCase() + ")"; }
}
