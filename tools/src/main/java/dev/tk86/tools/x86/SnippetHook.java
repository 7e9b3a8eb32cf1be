package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;

/**
 * Ends a snippet when RIP reaches the end of its code, and takes the first exception instead
 * of delivering it, remembering how many instructions had retired by then.
 */
final class SnippetHook implements StepHook {
    private final long codeEnd;
    private long lastRip = -1, lastSteps = -1;
    boolean reachedEnd;
    GuestFault fault;
    long stepsAtFault;

    SnippetHook(long codeEnd) { this.codeEnd = codeEnd; }

    @Override
    public boolean beforeStep(Cpu cpu) {
        if (cpu.rip == codeEnd) {
            reachedEnd = true;
            return false;
        }
        lastRip = cpu.rip;
        lastSteps = cpu.steps;
        return true;
    }

    @Override
    public boolean onFault(Cpu cpu, GuestFault f) {
        fault = f;
        // The executor counts an instruction as it starts it; a fault while fetching comes
        // before that. Either way the faulting instruction did not retire.
        boolean counted = cpu.rip == lastRip && cpu.steps == lastSteps + 1;
        stepsAtFault = counted ? lastSteps : cpu.steps;
        return true;
    }
}
