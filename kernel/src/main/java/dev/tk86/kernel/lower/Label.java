package dev.tk86.kernel.lower;

/**
 * A jump target while steps are being laid out: bound to a site once the step it names is
 * created, or made an alias of another label when it turns out to mean "wherever that goes".
 */
public final class Label {
    private int site = -1;
    private Label alias;

    void bind(int s) {
        if (site >= 0 || alias != null) throw new IllegalStateException("label bound twice");
        site = s;
    }

    void aliasTo(Label other) {
        if (site >= 0 || alias != null) throw new IllegalStateException("label bound twice");
        alias = other;
    }

    boolean isBound() { return site >= 0 || alias != null; }

    /** The site this label finally names. */
    public int site() {
        Label l = this;
        for (int hops = 0; l.alias != null; hops++) {
            if (hops > 1_000_000) throw new IllegalStateException("label alias cycle");
            l = l.alias;
        }
        if (l.site < 0) throw new IllegalStateException("unbound label");
        return l.site;
    }
}
