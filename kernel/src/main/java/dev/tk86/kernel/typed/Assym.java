package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;

/** An {@code assym NAME = expr;} export: one {@code #define NAME value} line of assym.h. */
public record Assym(String name, long value, Pos pos) {}
