package dev.tk86.kernel.ast;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/** Top-level declarations. All files of a kernel tree share one namespace. */
public sealed interface Decl {
    List<Attr> attrs();

    String name();

    /** Position of the declared name. */
    Pos pos();

    record Struct(List<Attr> attrs, String name, List<FieldDecl> fields, Pos pos) implements Decl {}

    record Const(List<Attr> attrs, String name, TypeExpr type, Expr value, Pos pos) implements Decl {}

    /** Global variable; {@code init} may be null (zero-filled, in .bss). */
    record Var(List<Attr> attrs, String name, TypeExpr type, Expr init, Pos pos) implements Decl {}

    /** {@code result} null = returns nothing. */
    record Fn(List<Attr> attrs, String name, List<Param> params, TypeExpr result, Stmt.Block body, Pos pos)
            implements Decl {}

    /** {@code extern fn}: implemented in locore (x86). */
    record ExternFn(List<Attr> attrs, String name, List<Param> params, TypeExpr result, Pos pos) implements Decl {}

    /** {@code extern var}: defined in locore.S. */
    record ExternVar(List<Attr> attrs, String name, TypeExpr type, Pos pos) implements Decl {}

    /** {@code assym NAME = expr;}: a {@code #define} for assym.h (see layout.Genassym). */
    record Assym(List<Attr> attrs, String name, Expr value, Pos pos) implements Decl {}
}
