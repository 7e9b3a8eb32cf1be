package dev.tk86.tools.check;

import dev.tk86.tools.monitor.Violation;
import java.util.Optional;

/**
 * How one run of a check ended.
 *
 * @param invariant the invariant it broke, or null for a clean run
 * @param message   one line: what broke (the panic message, the exit status, the monitor's finding)
 * @param steps     steps the run took (what makes a failing replay "short")
 * @param violation the monitor's full report, when a monitor found it
 */
public record RunVerdict(RunSpec spec, String invariant, String message, long steps, Optional<Violation> violation) {
    public boolean clean() { return invariant == null; }

    /** The full report of a failing run: the monitor's or the outcome's, then the replay command. */
    public String text() {
        StringBuilder s = new StringBuilder();
        if (violation.isPresent()) s.append(violation.get().text());
        else s.append("violation of ").append(invariant).append(": ").append(message).append('\n');
        s.append("  replay: ").append(spec.replayCommand()).append('\n');
        return s.toString();
    }
}
