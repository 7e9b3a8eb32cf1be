package dev.tk86.kernel.testing;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;

/** A step hook that takes the first exception raised (before IDT delivery) and stops the machine there. */
public final class FaultCatcher implements StepHook {
    public GuestFault fault;
    public long rip;
    public int cpu = -1;

    @Override public boolean beforeStep(Cpu c) { return true; }

    @Override public boolean onFault(Cpu c, GuestFault f) {
        fault = f;
        rip = c.rip;
        cpu = c.id;
        return true;
    }
}
