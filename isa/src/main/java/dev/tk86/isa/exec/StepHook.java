package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;

/**
 * Called before every step when installed (tracing, breakpoints, trace hashes). The executor
 * checks for a hook once per run, so a machine without one pays nothing.
 */
@FunctionalInterface
public interface StepHook {
    /** Return false to stop before executing the step at {@code cpu.rip}. */
    boolean beforeStep(Cpu cpu);
}
