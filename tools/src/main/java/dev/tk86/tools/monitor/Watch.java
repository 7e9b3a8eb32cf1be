package dev.tk86.tools.monitor;

import dev.tk86.tools.inspect.KernelInspector;
import java.util.List;
import java.util.Optional;

/** The monitors attached to one run, and what they found. */
public record Watch(KernelInspector kernel, List<Monitor> active, Reporter reporter) {
    /** After the run: the end-of-run checks (if nothing was found earlier), then the first violation. */
    public Optional<Violation> finish() {
        if (!reporter.violated()) for (Monitor m : active) m.atEnd(kernel, reporter);
        return reporter.first();
    }

    public List<String> activeNames() { return active.stream().map(Monitor::invariant).toList(); }
}
