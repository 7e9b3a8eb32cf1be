package dev.tk86.tools.trace;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;

/**
 * A hook already on the machine (a debugger's breakpoints) followed by the trace's: the first
 * decides whether the step runs, and only steps that run are traced, so a step the debugger
 * stopped before and then resumed is traced once.
 */
record ChainedHook(StepHook first, StepHook trace) implements StepHook {
    @Override
    public boolean beforeStep(Cpu cpu) {
        return first.beforeStep(cpu) && trace.beforeStep(cpu);
    }

    @Override
    public boolean onFault(Cpu cpu, GuestFault fault) {
        if (first.onFault(cpu, fault)) return true;
        return trace.onFault(cpu, fault);
    }
}
