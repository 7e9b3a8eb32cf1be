package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/** A struct member {@code name: T}, possibly guarded by {@code #[if(...)]} or aligned. */
public record FieldDecl(List<Attr> attrs, String name, TypeExpr type, Pos pos) {}
