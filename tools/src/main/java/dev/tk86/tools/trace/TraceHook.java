package dev.tk86.tools.trace;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.isa.fault.GuestFault;
import java.util.List;

/** The machine's step hook while tracing: hands every step and fault to the observers, never stops the run. */
public final class TraceHook implements StepHook {
    private final StepObserver[] observers;

    public TraceHook(List<StepObserver> observers) { this.observers = observers.toArray(new StepObserver[0]); }

    @Override
    public boolean beforeStep(Cpu cpu) {
        for (StepObserver o : observers) o.beforeStep(cpu);
        return true;
    }

    @Override
    public boolean onFault(Cpu cpu, GuestFault fault) {
        for (StepObserver o : observers) o.onFault(cpu, fault);
        return false;
    }

    public void finish() {
        for (StepObserver o : observers) o.finish();
    }
}
