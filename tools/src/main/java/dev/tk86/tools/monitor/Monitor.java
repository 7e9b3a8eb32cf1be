package dev.tk86.tools.monitor;

import java.util.List;

/**
 * A watch over related invariants from outside the guest, independent of the guest's own
 * checks and of DIAGNOSTIC. A monitor reads kernel state through the introspection library
 * (symbols and TKL types), never through the guest's code, and never changes the machine.
 */
public interface Monitor {
    /** The names of the invariants it reports, as in {@code --invariants} and the check table. */
    List<String> invariants();

    /**
     * Prepares for this kernel: looks up what it needs and registers its probes. Returns false if
     * the kernel has nothing to watch (the smoke kernel has no cpu_switchto); the monitor is then
     * left out of the run.
     */
    boolean attach(MonitorContext context);

    /** Checks what can only be checked once the machine has stopped. */
    default void atEnd(MonitorContext context) { }
}
