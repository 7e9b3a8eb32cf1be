package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Lowers expressions into the current step. Evaluation is left to right. A call ends the
 * step (its arguments are evaluated in it) and the rest of the expression continues in the
 * return site, the next step; any operand evaluated before the call whose value could change
 * across it is first spilled to a frame temporary, so nothing lives in the JVM across steps.
 */
final class ExprLowering {
    private final StepWriter w;
    private final List<PrintFormat> formats;

    ExprLowering(StepWriter w, List<PrintFormat> formats) {
        this.w = w;
        this.formats = formats;
    }

    // ---- values

    LExpr value(TExpr e) {
        if (e instanceof TExpr.Const k) return new LExpr.Const(k.type(), k.value());
        if (e instanceof TExpr.Null n) return new LExpr.Const(n.type(), 0);
        if (e instanceof TExpr.Str s) return new LExpr.Sym(s.literal().symbol(), 0, Types.STRING);
        if (e instanceof TExpr.FuncRef f) return new LExpr.Sym(f.function().name(), 0, f.type());
        if (e.isLvalue()) return new LExpr.Load(address(e), e.type());
        if (e instanceof TExpr.AddrOf a) return address(a.lvalue());
        if (e instanceof TExpr.Unary u) return new LExpr.Unary(u.op(), value(u.operand()), u.type());
        if (e instanceof TExpr.Binary b) {
            List<LExpr> v = all(List.of(b.left(), b.right()));
            return new LExpr.Binary(b.op(), v.get(0), v.get(1), b.type());
        }
        if (e instanceof TExpr.Compare c) {
            List<LExpr> v = all(List.of(c.left(), c.right()));
            return new LExpr.Compare(c.op(), v.get(0), v.get(1), c.left().type());
        }
        if (e instanceof TExpr.Logical l) return logical(l);
        if (e instanceof TExpr.PtrOffset p) {
            List<LExpr> v = all(List.of(p.pointer(), p.offset()));
            return addrAdd(v.get(0), v.get(1), p.scale(), p.type());
        }
        if (e instanceof TExpr.PtrDiff d) {
            List<LExpr> v = all(List.of(d.left(), d.right()));
            return new LExpr.PtrDiff(v.get(0), v.get(1), d.scale(), Types.I64);
        }
        if (e instanceof TExpr.Convert c) {
            LExpr v = value(c.operand());
            if (v instanceof LExpr.Const k && c.type() instanceof Type.Int t) return new LExpr.Const(t, Types.normalize(t, k.value()));
            return new LExpr.Convert(v, c.type());
        }
        if (e instanceof TExpr.Call || e instanceof TExpr.CallIndirect) return call(e);
        if (e instanceof TExpr.IntrinsicCall i) return new LExpr.IntrinsicCall(i.intrinsic(), all(i.args()), i.type());
        throw new IllegalStateException("no value for " + e.getClass().getSimpleName() + " at " + e.pos());
    }

    /** The address an lvalue denotes. */
    LExpr address(TExpr lv) {
        if (lv instanceof TExpr.LocalRef l) return new LExpr.Frame(l.local().frameOffset(), Types.OPAQUE_PTR);
        if (lv instanceof TExpr.GlobalRef g) return new LExpr.Sym(g.global().name(), 0, Types.OPAQUE_PTR);
        if (lv instanceof TExpr.Deref d) return value(d.pointer());
        if (lv instanceof TExpr.FieldRef f) return offset(address(f.base()), f.field().offset());
        if (lv instanceof TExpr.IndexRef x) {
            LExpr base = address(x.array());
            if (Calls.in(x.index())) base = spill(base);
            return addrAdd(base, value(x.index()), x.type().size(), Types.OPAQUE_PTR);
        }
        throw new IllegalStateException("not an lvalue: " + lv.getClass().getSimpleName() + " at " + lv.pos());
    }

    private static LExpr offset(LExpr base, long off) {
        if (off == 0) return base;
        if (base instanceof LExpr.Sym s) return new LExpr.Sym(s.name(), s.addend() + off, s.type());
        if (base instanceof LExpr.Frame f) return new LExpr.Frame(f.offset() + off, f.type());
        if (base instanceof LExpr.AddrAdd a && a.index() instanceof LExpr.Const k && a.scale() == 1) {
            return new LExpr.AddrAdd(a.base(), new LExpr.Const(Types.I64, k.value() + off), 1, a.type());
        }
        return new LExpr.AddrAdd(base, new LExpr.Const(Types.I64, off), 1, Types.OPAQUE_PTR);
    }

    private static LExpr addrAdd(LExpr base, LExpr index, long scale, Type type) {
        // Addresses are plain 64-bit values to the code generator: their LExpr type is only informative.
        if (index instanceof LExpr.Const k) return offset(base, k.value() * scale);
        return new LExpr.AddrAdd(base, index, scale, type);
    }

    /** Lowers operands left to right; before one that calls, the ones already lowered are spilled. */
    List<LExpr> all(List<TExpr> es) {
        List<LExpr> out = new ArrayList<>(es.size());
        for (TExpr e : es) {
            if (!out.isEmpty() && Calls.in(e)) out.replaceAll(this::spill);
            out.add(value(e));
        }
        return out;
    }

    /** A value that survives a call: constants, frame addresses and temporaries as they are, others in a new temporary. */
    LExpr spill(LExpr v) {
        if (LExpr.isInvariant(v) || v instanceof LExpr.Temp) return v;
        long t = w.newTemp();
        w.action(new Action.SetTemp(t, v));
        return new LExpr.Temp(t, v.type());
    }

    // ---- calls and short circuits

    /** Ends the step with the call; the rest continues in the return site, where the result is rax. */
    LExpr call(TExpr e) {
        LExpr target;
        List<LExpr> args;
        Type result;
        if (e instanceof TExpr.Call c) {
            target = new LExpr.Sym(c.function().name(), 0, c.function().type());
            args = all(c.args());
            result = c.type();
        } else {
            TExpr.CallIndirect c = (TExpr.CallIndirect) e;
            List<TExpr> parts = new ArrayList<>();
            parts.add(c.callee());
            parts.addAll(c.args());
            List<LExpr> v = all(parts);
            target = v.get(0);
            args = v.subList(1, v.size());
            result = c.type();
        }
        w.terminate(new Terminator.Call(target, List.copyOf(args)));
        w.start(StepKind.RETURN_SITE, e.pos());
        return new LExpr.CallResult(result);
    }

    private LExpr logical(TExpr.Logical l) {
        if (!Calls.in(l.right())) return new LExpr.Logical(l.and(), value(l.left()), value(l.right()), Types.BOOL);
        // The right operand calls: the short circuit becomes a branch over the steps that evaluate it.
        LExpr left = value(l.left());
        long t = w.newTemp();
        LExpr.Temp result = new LExpr.Temp(t, Types.BOOL);
        w.action(new Action.SetTemp(t, left));
        Label right = w.label(), join = w.label();
        w.terminate(new Terminator.Branch(result, l.and() ? right : join, l.and() ? join : right));
        w.pend(right);
        w.start(StepKind.CONTINUATION, l.right().pos());
        w.action(new Action.SetTemp(t, value(l.right())));
        w.jumpTo(join);
        w.pend(join);
        w.start(StepKind.JOIN, l.pos());
        return result;
    }

    // ---- expressions evaluated for their effect

    void effect(TExpr e) {
        if (e instanceof TExpr.Call || e instanceof TExpr.CallIndirect) {
            call(e);
        } else if (e instanceof TExpr.IntrinsicCall i) {
            w.action(new Action.Effect(new LExpr.IntrinsicCall(i.intrinsic(), all(i.args()), i.type())));
        } else if (e instanceof TExpr.Print p) {
            List<LExpr> args = all(p.args());
            boolean panic = p.intrinsic().noReturn();
            formats.add(new PrintFormat(p.pieces(), p.args().stream().map(TExpr::type).toList(), panic));
            int id = formats.size() - 1;
            if (panic) w.terminate(new Terminator.Panic(id, List.copyOf(args)));
            else w.action(new Action.Print(id, List.copyOf(args)));
        } else if (e instanceof TExpr.Assert a) {
            LExpr c = value(a.cond());
            w.action(new Action.Assert(c, "kernel assertion \"" + a.text() + "\" failed: file \"" + a.file()
                    + "\", line " + a.line()));
        } else {
            throw new IllegalStateException("expression without effect at " + e.pos());
        }
    }
}
