package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;

/** A function parameter {@code name: T}. */
public record Param(String name, TypeExpr type, Pos pos) {}
