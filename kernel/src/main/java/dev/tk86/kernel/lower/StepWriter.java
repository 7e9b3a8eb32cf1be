package dev.tk86.kernel.lower;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.layout.LayoutRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Lays out the steps of one function in order. A step is "open" until it gets a terminator;
 * starting the next step closes an open one with a jump to it (fall-through). Labels that
 * are "pending" name whatever step is created next. Temporaries are 8-byte frame slots
 * below the checker's locals, reused from one statement to the next.
 */
final class StepWriter {
    static final class Builder {
        final int site;
        final StepKind kind;
        final Pos pos;
        final List<Action> actions = new ArrayList<>();
        Terminator terminator;

        Builder(int site, StepKind kind, Pos pos) {
            this.site = site;
            this.kind = kind;
            this.pos = pos;
        }
    }

    private final List<Builder> steps = new ArrayList<>();
    private final List<Label> pending = new ArrayList<>();
    private Builder cur;
    private final long localsSize;
    private int temps, maxTemps;

    StepWriter(long localsSize) { this.localsSize = localsSize; }

    Label label() { return new Label(); }

    /** Starts the next step; returns its site. */
    int start(StepKind kind, Pos pos) {
        int site = steps.size();
        if (isOpen()) {
            Label next = label();
            next.bind(site);
            cur.terminator = new Terminator.Goto(next);
        }
        for (Label l : pending) l.bind(site);
        pending.clear();
        cur = new Builder(site, kind, pos);
        steps.add(cur);
        return site;
    }

    boolean isOpen() { return cur != null && cur.terminator == null; }

    boolean hasPending() { return !pending.isEmpty(); }

    void action(Action a) {
        if (!isOpen()) throw new IllegalStateException("action outside an open step");
        cur.actions.add(a);
    }

    void terminate(Terminator t) {
        if (!isOpen()) throw new IllegalStateException("terminator outside an open step");
        cur.terminator = t;
    }

    /** {@code l} names the next step created. */
    void pend(Label l) { pending.add(l); }

    /** Control goes to {@code target} from here: the open step jumps there, pending labels mean it. */
    void jumpTo(Label target) {
        if (isOpen()) terminate(new Terminator.Goto(target));
        for (Label l : pending) {
            if (l == target) throw new IllegalStateException("label would alias itself");
            l.aliasTo(target);
        }
        pending.clear();
    }

    void resetTemps() { temps = 0; }

    /** A fresh temporary for the current statement: its rbp offset. */
    long newTemp() {
        temps++;
        maxTemps = Math.max(maxTemps, temps);
        return -(localsSize + 8L * temps);
    }

    int maxTemps() { return maxTemps; }

    long frameSize() { return LayoutRules.alignUp(localsSize + 8L * maxTemps, 16); }

    /** The finished steps; every label a terminator uses must name a site by now. */
    List<Step> finish() {
        List<Step> out = new ArrayList<>(steps.size());
        for (Builder b : steps) {
            if (b.terminator == null) throw new IllegalStateException("step " + b.site + " has no terminator");
            if (b.terminator instanceof Terminator.Goto g) g.target().site();
            if (b.terminator instanceof Terminator.Branch br) { br.ifTrue().site(); br.ifFalse().site(); }
            out.add(new Step(b.site, b.kind, b.pos, List.copyOf(b.actions), b.terminator));
        }
        return List.copyOf(out);
    }
}
