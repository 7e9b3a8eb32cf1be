package dev.tk86.kernel.diag;

import java.util.List;

/**
 * Thrown by the convenience entry points when a program has errors. The message is the full
 * rendered list (never a stack trace is meant for the user: print {@link #getMessage()}).
 */
public final class CompileFailure extends Exception {
    private final List<Diagnostic> diagnostics;

    public CompileFailure(List<Diagnostic> diagnostics) {
        super(Diagnostics.render(diagnostics), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<Diagnostic> diagnostics() { return diagnostics; }
}
