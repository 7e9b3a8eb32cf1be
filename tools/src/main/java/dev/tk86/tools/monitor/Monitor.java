package dev.tk86.tools.monitor;

import dev.tk86.tools.inspect.KernelInspector;

/**
 * One invariant watched from outside the guest, independent of the guest's own checks and of
 * DIAGNOSTIC. A monitor reads kernel state through the introspection library (symbols and TKL
 * types), never through the guest's code, and never changes the machine.
 */
public interface Monitor {
    /** The invariant's name, as in {@code --invariants} and the check table. */
    String invariant();

    /**
     * Prepares for this kernel: looks up the functions and types it needs and registers its
     * probes. Returns false if the kernel has nothing to watch (e.g. the smoke kernel has no
     * cpu_switchto); the monitor is then left out of the run.
     */
    boolean attach(KernelInspector kernel, Probes probes, Reporter reporter);

    /** Checks what can only be checked when the machine has stopped (leaks at power-off). */
    default void atEnd(KernelInspector kernel, Reporter reporter) { }
}
