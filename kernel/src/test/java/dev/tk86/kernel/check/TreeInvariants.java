package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.ProgramPrinter;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.typed.TStmt;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;

/**
 * The contract of docs/tkl.md §14, checked on whole programs: no checker-only types survive,
 * arithmetic operands already have the node's type, comparisons compare equal types,
 * assignments store values of the target's type, and every local has a frame slot.
 */
final class TreeInvariants {
    private TreeInvariants() {}

    static void check(CheckedProgram p) {
        for (CheckedFunction f : p.functions()) {
            for (var l : f.locals()) {
                concrete(l.type(), l.name());
                assertTrue(l.frameOffset() < 0 || l.type().size() == 0, l.name());
                assertTrue(-l.frameOffset() <= f.frameSize(), l.name());
            }
            assertEquals(0, f.frameSize() % 16);
            stmt(f.body());
        }
    }

    static void concrete(Type t, Object where) {
        assertFalse(t instanceof Type.Untyped || t instanceof Type.NullType || t instanceof Type.Error,
                "checker-only type " + t + " in " + where);
    }

    static void stmt(TStmt s) {
        if (s == null) return;
        if (s instanceof TStmt.Let l) {
            if (l.init() != null) {
                assertEquals(l.local().type(), l.init().type(), "let " + l.local().name());
                expr(l.init());
            }
        } else if (s instanceof TStmt.Assign a) {
            assertTrue(a.target().isLvalue());
            assertTrue(a.target().type().isScalar());
            assertEquals(a.target().type(), a.value().type(), ProgramPrinter.expr(a.target()));
            expr(a.target());
            expr(a.value());
        } else if (s instanceof TStmt.CompoundAssign c) {
            assertTrue(c.target().isLvalue());
            if (c.scale() != 0) assertEquals(Types.I64, c.value().type());
            else if (c.op() != TExpr.BinOp.SHL && c.op() != TExpr.BinOp.SHR) assertEquals(c.target().type(), c.value().type());
            expr(c.target());
            expr(c.value());
        } else if (s instanceof TStmt.Eval e) {
            expr(e.expr());
        } else if (s instanceof TStmt.If i) {
            bool(i.cond());
            stmt(i.then());
            stmt(i.orElse());
        } else if (s instanceof TStmt.While w) {
            bool(w.cond());
            stmt(w.body());
        } else if (s instanceof TStmt.For f) {
            stmt(f.init());
            if (f.cond() != null) bool(f.cond());
            stmt(f.step());
            stmt(f.body());
        } else if (s instanceof TStmt.Return r) {
            if (r.value() != null) expr(r.value());
        } else if (s instanceof TStmt.Block b) {
            for (TStmt x : b.stmts()) stmt(x);
        }
    }

    static void bool(TExpr e) {
        assertEquals(Types.BOOL, e.type());
        expr(e);
    }

    static void expr(TExpr e) {
        concrete(e.type(), ProgramPrinter.expr(e));
        if (e instanceof TExpr.Binary b) {
            assertTrue(b.type() instanceof Type.Int, ProgramPrinter.expr(e));
            assertEquals(b.type(), b.left().type(), ProgramPrinter.expr(e));
            if (b.op() != TExpr.BinOp.SHL && b.op() != TExpr.BinOp.SHR) assertEquals(b.type(), b.right().type(), ProgramPrinter.expr(e));
            else assertTrue(b.right().type() instanceof Type.Int);
            expr(b.left());
            expr(b.right());
        } else if (e instanceof TExpr.Compare c) {
            assertEquals(c.left().type(), c.right().type(), ProgramPrinter.expr(e));
            expr(c.left());
            expr(c.right());
        } else if (e instanceof TExpr.Logical l) {
            bool(l.left());
            bool(l.right());
        } else if (e instanceof TExpr.Unary u) {
            assertEquals(u.type(), u.operand().type());
            expr(u.operand());
        } else if (e instanceof TExpr.Const k) {
            if (k.type() instanceof Type.Int i) assertEquals(Types.normalize(i, k.value()), k.value(), "normalised constant");
            else assertEquals(Types.BOOL, k.type());
        } else if (e instanceof TExpr.Deref d) {
            assertTrue(d.pointer().type() instanceof Type.Ptr);
            expr(d.pointer());
        } else if (e instanceof TExpr.FieldRef f) {
            assertTrue(f.base().isLvalue() && f.base().type() instanceof Type.Struct);
            expr(f.base());
        } else if (e instanceof TExpr.IndexRef i) {
            assertTrue(i.array().isLvalue() && i.array().type() instanceof Type.Array);
            assertEquals(Types.I64, i.index().type());
            expr(i.array());
            expr(i.index());
        } else if (e instanceof TExpr.AddrOf a) {
            assertTrue(a.lvalue().isLvalue());
            expr(a.lvalue());
        } else if (e instanceof TExpr.PtrOffset p) {
            assertEquals(Types.I64, p.offset().type());
            expr(p.pointer());
            expr(p.offset());
        } else if (e instanceof TExpr.PtrDiff p) {
            assertEquals(p.left().type(), p.right().type());
            expr(p.left());
            expr(p.right());
        } else if (e instanceof TExpr.Convert c) {
            assertTrue(c.operand().type().isScalar() && c.type().isScalar(), ProgramPrinter.expr(e));
            expr(c.operand());
        } else if (e instanceof TExpr.Call c) {
            assertEquals(c.function().type().params(), c.args().stream().map(TExpr::type).toList());
            c.args().forEach(TreeInvariants::expr);
        } else if (e instanceof TExpr.CallIndirect c) {
            assertEquals(((Type.Fn) c.callee().type()).params(), c.args().stream().map(TExpr::type).toList());
            expr(c.callee());
            c.args().forEach(TreeInvariants::expr);
        } else if (e instanceof TExpr.IntrinsicCall c) {
            c.args().forEach(TreeInvariants::expr);
        } else if (e instanceof TExpr.Print p) {
            p.args().forEach(TreeInvariants::expr);
        } else if (e instanceof TExpr.Assert a) {
            bool(a.cond());
        }
    }
}
