package dev.tk86.kernel.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.tk86.kernel.ast.Decl;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.ExprPrinter;
import dev.tk86.kernel.ast.Stmt;
import dev.tk86.kernel.ast.Unit;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.SourceFile;
import org.junit.jupiter.api.Test;

/** Grammar and precedence, docs/tkl.md §4 and §9.1. */
class ParserTest {
    static Unit parse(String s) {
        Diagnostics d = new Diagnostics();
        Unit u = Parser.parse(new SourceFile("p.tk", s), d);
        assertFalse(d.hasErrors(), d.render());
        return u;
    }

    /** The returned expression of a one-statement function, printed fully parenthesised by precedence. */
    static String ret(String expr) {
        Decl.Fn f = (Decl.Fn) parse("fn f() { return " + expr + "; }").decls().get(0);
        return ExprPrinter.print(((Stmt.Return) f.body().stmts().get(0)).value());
    }

    @Test
    void bitwiseOperatorsBindTighterThanComparisons() {
        Expr.Binary b = (Expr.Binary) ((Stmt.Return) ((Decl.Fn) parse("fn f() { return x & M == 0; }").decls().get(0))
                .body().stmts().get(0)).value();
        assertEquals("==", b.op().symbol);
        assertEquals("x & M == 0", ret("x & M == 0"));
    }

    @Test
    void precedenceClimbing() {
        assertEquals("a + b * c", ret("a + b * c"));
        assertEquals("(a + b) * c", ret("(a + b) * c"));
        assertEquals("a - (b - c)", ret("a - (b - c)"));
        assertEquals("a - b - c", ret("(a - b) - c"));
        assertEquals("a << 2 + 1", ret("a << (2 + 1)"));
        assertEquals("a || b && c", ret("a || (b && c)"));
        assertEquals("(a || b) && c", ret("(a || b) && c"));
        assertEquals("-x as u64", ret("(-x) as u64"));
        assertEquals("(a + b) as u8", ret("(a + b) as u8"));
        assertEquals("*p.f[3](1, 2)", ret("*(p.f[3](1, 2))"));
        assertEquals("sizeof(*[4]u8) + offsetof(proc, p_addr.u_pcb)", ret("sizeof(*[4]u8) + offsetof(proc, p_addr.u_pcb)"));
    }

    @Test
    void everyDeclarationKind() {
        Unit u = parse("""
                #[if(option(DIAGNOSTIC))] #[align(16)]
                struct s { a: u8, #[align(8)] b: [4]*s, c: fn(u64, *void) -> bool, }
                const N: u64 = 4;
                var g: *s = null;
                var h: u32;
                extern fn sw(a: *s);
                extern var p0: *s;
                assym S_B = offsetof(s, b);
                fn f(a: u64) -> u64 { return a; }
                """);
        assertEquals(8, u.decls().size());
        Decl.Struct st = assertInstanceOf(Decl.Struct.class, u.decls().get(0));
        assertEquals(2, st.attrs().size());
        assertEquals(1, st.fields().get(1).attrs().size());
        assertEquals("fn(u64, *void) -> bool", ExprPrinter.type(st.fields().get(2).type()));
        assertInstanceOf(Decl.ExternFn.class, u.decls().get(4));
        assertInstanceOf(Decl.ExternVar.class, u.decls().get(5));
        assertInstanceOf(Decl.Assym.class, u.decls().get(6));
    }

    @Test
    void statementsAndTheirPositions() {
        Decl.Fn f = (Decl.Fn) parse("""
                fn f() {
                    let x: u32 = 1;
                    x += 2;
                    for let i = 0; i < 3; i += 1 { continue; }
                    for ;; { break; }
                    while x > 0 { x -= 1; }
                    if x == 0 { } else if x == 1 { } else { }
                    g(x);
                    return;
                }
                """).decls().get(0);
        var st = f.body().stmts();
        assertInstanceOf(Stmt.Let.class, st.get(0));
        Stmt.Assign a = assertInstanceOf(Stmt.Assign.class, st.get(1));
        assertEquals("p.tk:3:5", a.pos().toString());
        assertEquals("p.tk:3:7", a.opPos().toString());
        Stmt.For loop = assertInstanceOf(Stmt.For.class, st.get(2));
        assertInstanceOf(Stmt.Let.class, loop.init());
        Stmt.For forever = assertInstanceOf(Stmt.For.class, st.get(3));
        assertEquals(null, forever.cond());
        Stmt.If i = assertInstanceOf(Stmt.If.class, st.get(5));
        assertInstanceOf(Stmt.If.class, i.orElse());
        assertInstanceOf(Stmt.ExprStmt.class, st.get(6));
        assertEquals("p.tk:10:1", f.body().end().toString());
    }
}
