package dev.tk86.tools.trace;

/** Told about every completed cpu_switchto: the thread addresses (0 for none) and the step it returned at. */
public interface SwitchListener {
    void switched(int cpu, long step, long oldProc, long newProc);
}
