package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.TStmt;
import java.util.List;
import java.util.Set;

/** Test helpers: compile small programs. */
final class Tkl {
    static final Set<String> KNOWN = Set.of("DIAGNOSTIC", "MULTIPROCESSOR", "EXIT_REAPER");

    private Tkl() {}

    static CheckedProgram compile(String src, String... enabled) {
        Compilation c = Frontend.compile(List.of(new SourceFile("t.tk", src)), Options.of(KNOWN, enabled));
        if (!c.ok()) fail("unexpected errors:\n" + c.render());
        return c.program();
    }

    static List<String> errors(String src, String... enabled) {
        Compilation c = Frontend.compile(List.of(new SourceFile("t.tk", src)), Options.of(KNOWN, enabled));
        return c.errors().stream().map(d -> d.line() + ":" + d.col() + ": " + d.message()).toList();
    }

    static CheckedFunction fn(CheckedProgram p, String name) { return p.function(name).orElseThrow(); }

    /** The i-th statement of a function's body. */
    static TStmt stmt(CheckedProgram p, String fn, int i) { return fn(p, fn).body().stmts().get(i); }
}
