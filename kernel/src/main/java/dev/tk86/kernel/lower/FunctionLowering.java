package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.Local;
import dev.tk86.kernel.typed.TStmt;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits one function into steps. Site 0 is the prologue; then every statement starts a
 * step (a loop's condition and a for's step statement included), every call inside a
 * statement ends one and its return site starts the next, and a reachable closing brace
 * gets a step of its own (the implicit return). Sites are numbered in source order by this
 * single walk, so the numbering is a pure function of the checked function.
 */
final class FunctionLowering {
    private record Loop(Label breakTo, Label continueTo) {}

    private final CheckedFunction fn;
    private final StepWriter w;
    private final ExprLowering ex;
    private final Deque<Loop> loops = new ArrayDeque<>();

    FunctionLowering(CheckedFunction fn, List<PrintFormat> formats) {
        this.fn = fn;
        this.w = new StepWriter(fn.frameSize());
        this.ex = new ExprLowering(w, formats);
    }

    LoweredFunction lower() {
        w.start(StepKind.ENTRY, fn.symbol().pos());
        block(fn.body());
        if (w.isOpen() || w.hasPending()) {
            w.start(StepKind.END, fn.end());
            w.resetTemps();
            if (fn.symbol().type().result() instanceof Type.Void) w.terminate(new Terminator.Return(null));
            else w.terminate(new Terminator.Unreachable("control reached the end of '" + fn.name() + "', which returns a value"));
        }
        List<Step> steps = w.finish();
        return new LoweredFunction(fn, steps, w.frameSize(), slots());
    }

    private List<FrameSlot> slots() {
        List<FrameSlot> out = new ArrayList<>();
        for (Local l : fn.locals()) {
            out.add(new FrameSlot(l.name(), l.type(), l.frameOffset(), l.type().size(),
                    l.isParam() ? FrameSlot.Kind.PARAM : FrameSlot.Kind.LOCAL));
        }
        for (int i = 1; i <= w.maxTemps(); i++) {
            out.add(new FrameSlot("$t" + (i - 1), Types.U64, -(fn.frameSize() + 8L * i), 8, FrameSlot.Kind.TEMP));
        }
        return List.copyOf(out);
    }

    private void begin(TStmt s) {
        w.start(StepKind.STATEMENT, s.pos());
        w.resetTemps();
    }

    private void block(TStmt.Block b) {
        for (TStmt s : b.stmts()) stmt(s);
    }

    private void stmt(TStmt s) {
        if (s instanceof TStmt.Block b) {
            block(b);
        } else if (s instanceof TStmt.Let l) {
            begin(s);
            Local local = l.local();
            if (l.init() == null) {
                w.action(new Action.Zero(local.frameOffset(), local.type().size()));
            } else {
                LExpr v = ex.value(l.init());
                w.action(new Action.Store(new LExpr.Frame(local.frameOffset(), Types.OPAQUE_PTR), v, local.type()));
            }
        } else if (s instanceof TStmt.Assign a) {
            begin(s);
            LExpr v = ex.value(a.value());
            if (Calls.in(a.target())) v = ex.spill(v);
            w.action(new Action.Store(ex.address(a.target()), v, a.target().type()));
        } else if (s instanceof TStmt.CompoundAssign c) {
            begin(s);
            LExpr v = ex.value(c.value());
            if (Calls.in(c.target())) v = ex.spill(v);
            w.action(new Action.Compound(c.op(), ex.address(c.target()), v, c.target().type(), c.scale()));
        } else if (s instanceof TStmt.Eval e) {
            begin(s);
            ex.effect(e.expr());
        } else if (s instanceof TStmt.If i) {
            ifStmt(i);
        } else if (s instanceof TStmt.While wh) {
            Label cond = w.label(), body = w.label(), end = w.label();
            w.pend(cond);
            begin(s);
            branch(ex.value(wh.cond()), body, end);
            loops.push(new Loop(end, cond));
            w.pend(body);
            block(wh.body());
            w.jumpTo(cond);
            loops.pop();
            w.pend(end);
        } else if (s instanceof TStmt.For f) {
            forStmt(f);
        } else if (s instanceof TStmt.Break) {
            begin(s);
            w.terminate(new Terminator.Goto(loops.peek().breakTo()));
        } else if (s instanceof TStmt.Continue) {
            begin(s);
            w.terminate(new Terminator.Goto(loops.peek().continueTo()));
        } else {
            TStmt.Return r = (TStmt.Return) s;
            begin(s);
            w.terminate(new Terminator.Return(r.value() == null ? null : ex.value(r.value())));
        }
    }

    private void ifStmt(TStmt.If i) {
        begin(i);
        Label then = w.label(), orElse = w.label(), end = w.label();
        branch(ex.value(i.cond()), then, i.orElse() == null ? end : orElse);
        w.pend(then);
        block(i.then());
        if (i.orElse() != null) {
            w.jumpTo(end);
            w.pend(orElse);
            stmt(i.orElse());
        }
        w.pend(end);
    }

    private void forStmt(TStmt.For f) {
        if (f.init() != null) stmt(f.init());
        Label cond = w.label(), body = w.label(), step = w.label(), end = w.label();
        w.pend(cond);
        w.start(StepKind.STATEMENT, f.cond() != null ? f.cond().pos() : f.pos());
        w.resetTemps();
        if (f.cond() != null) branch(ex.value(f.cond()), body, end);
        else w.terminate(new Terminator.Goto(body));
        loops.push(new Loop(end, step));
        w.pend(body);
        block(f.body());
        w.pend(step);
        if (f.step() != null) stmt(f.step());
        w.jumpTo(cond);
        loops.pop();
        w.pend(end);
    }

    private void branch(LExpr cond, Label ifTrue, Label ifFalse) {
        if (cond instanceof LExpr.Const k) w.terminate(new Terminator.Goto(k.value() != 0 ? ifTrue : ifFalse));
        else w.terminate(new Terminator.Branch(cond, ifTrue, ifFalse));
    }
}
