package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Unit;
import dev.tk86.kernel.diag.CompileFailure;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.parse.Parser;
import dev.tk86.kernel.typed.CheckedProgram;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The TKL front end: parse every file of a kernel tree, resolve names across all of them,
 * type-check, fold constants and options. Reports every error it can find, sorted by file,
 * line and column; never throws for bad input.
 */
public final class Frontend {
    private Frontend() {}

    public static Compilation compile(List<SourceFile> files, Options options) {
        Diagnostics diags = new Diagnostics();
        List<SourceFile> sorted = new ArrayList<>(files);
        sorted.sort(null);
        Set<String> paths = new HashSet<>();
        for (SourceFile f : sorted) {
            if (!paths.add(f.path())) diags.error(new Pos(f, 0, 0), "the same path is given twice");
        }
        for (String o : options.enabled()) {
            if (!options.known().contains(o)) {
                diags.error(Pos.NONE, "option '" + o + "' is enabled but not declared (known: "
                        + String.join(", ", options.known()) + ")");
            }
        }
        List<Unit> units = new ArrayList<>();
        for (SourceFile f : sorted) units.add(Parser.parse(f, diags));
        CheckedProgram program = new Checker(sorted, options, diags).run(units);
        if (diags.hasErrors()) return new Compilation(null, diags.sorted());
        return new Compilation(program, List.of());
    }

    /** Compiles or throws a CompileFailure listing every error (for callers that only want a program). */
    public static CheckedProgram compileOrThrow(List<SourceFile> files, Options options) throws CompileFailure {
        return compile(files, options).orThrow();
    }
}
