package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;

/** {@code #[...]} attributes on declarations and struct fields. */
public sealed interface Attr {
    Pos pos();

    /** {@code #[if(cond)]}: keep the item only when the option condition holds. */
    record If(Expr cond, Pos pos) implements Attr {}

    /** {@code #[align(N)]}: raise the alignment of a struct or field to N (a power of two). */
    record Align(Expr value, Pos pos) implements Attr {}
}
