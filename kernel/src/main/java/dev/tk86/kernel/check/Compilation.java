package dev.tk86.kernel.check;

import dev.tk86.kernel.diag.CompileFailure;
import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.typed.CheckedProgram;
import java.util.List;

/** The outcome of {@link Frontend#compile}: a program, or the sorted list of every error found. */
public record Compilation(CheckedProgram program, List<Diagnostic> errors) {
    public boolean ok() { return program != null; }

    /** The program, or a CompileFailure whose message lists every error with line and caret. */
    public CheckedProgram orThrow() throws CompileFailure {
        if (program == null) throw new CompileFailure(errors);
        return program;
    }

    /** All errors rendered (file:line:col: message, source line, caret), then a count. */
    public String render() { return Diagnostics.render(errors); }
}
