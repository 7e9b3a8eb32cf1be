package dev.tk86.kernel.diag;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every error of a compilation. Phases keep going after an error so one run reports
 * all it can; the list comes out sorted by file, line and column, without duplicates.
 */
public final class Diagnostics {
    private final Set<Diagnostic> items = new LinkedHashSet<>();

    public void error(Pos pos, String message) { items.add(new Diagnostic(pos, message)); }

    public boolean hasErrors() { return !items.isEmpty(); }

    public int count() { return items.size(); }

    public List<Diagnostic> sorted() {
        List<Diagnostic> out = new ArrayList<>(items);
        out.sort(null);
        return out;
    }

    /** All diagnostics rendered with source lines and carets, then a count line. */
    public String render() { return render(sorted()); }

    public static String render(List<Diagnostic> list) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : list) sb.append(d.render()).append('\n');
        sb.append(list.size()).append(list.size() == 1 ? " error" : " errors");
        return sb.toString();
    }
}
