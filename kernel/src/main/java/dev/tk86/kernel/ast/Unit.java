package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.SourceFile;
import java.util.List;

/** The declarations of one source file. */
public record Unit(SourceFile file, List<Decl> decls) {}
