package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;

/**
 * Called before every step when installed (tracing, breakpoints, trace hashes). The executor
 * checks for a hook once per run, so a machine without one pays nothing.
 */
@FunctionalInterface
public interface StepHook {
    /** Return false to stop before executing the step at {@code cpu.rip}. */
    boolean beforeStep(Cpu cpu);

    /**
     * Offered every exception an instruction raises, before it is delivered through the IDT,
     * with RIP back on the faulting instruction. Returning true takes it: it is not delivered
     * and the run stops as if {@link #beforeStep} had returned false. The snippet runner
     * reports exceptions this way; a debugger can stop on them.
     */
    default boolean onFault(Cpu cpu, GuestFault fault) { return false; }
}
