package dev.tk86.tools.monitor;

import java.util.List;
import java.util.Optional;

/** The monitors attached to one run, and what they found. */
public record Watch(MonitorContext context, List<Monitor> active) {
    /** After the run: the end-of-run checks (if nothing was found earlier), then the first violation. */
    public Optional<Violation> finish() {
        if (!context.reporter().violated()) for (Monitor m : active) m.atEnd(context);
        return context.reporter().first();
    }

    public List<String> activeNames() {
        return active.stream().flatMap(m -> m.invariants().stream()).filter(context.reporter()::reports).toList();
    }
}
