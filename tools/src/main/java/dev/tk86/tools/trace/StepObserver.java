package dev.tk86.tools.trace;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;

/** One thing a trace watches, told about every step the machine's hook sees. It never changes the machine. */
public interface StepObserver {
    /** Before the step at {@code cpu.rip} (an x86 instruction, or a TKL hand-over). */
    void beforeStep(Cpu cpu);

    /** An exception raised by the step that just ran, before the CPU delivers it. */
    default void onFault(Cpu cpu, GuestFault fault) { }

    /** The run is over: report what is still pending. */
    default void finish() { }
}
