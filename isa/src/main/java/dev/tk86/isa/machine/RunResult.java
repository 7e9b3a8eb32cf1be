package dev.tk86.isa.machine;

/**
 * How a run of the machine ended.
 *
 * @param exitStatus the value written to the exit port (for POWER_OFF), else -1
 * @param detail     one line for people: the triple-fault chain, which CPUs were halted, ...
 * @param steps      steps executed by all CPUs in this run
 */
public record RunResult(Reason reason, long exitStatus, String detail, long steps) {
    public enum Reason {
        /** the guest wrote its exit status to port 0x501 */
        POWER_OFF,
        /** a CPU shut down after a triple fault */
        TRIPLE_FAULT,
        /** every CPU is halted or parked and nothing can wake one */
        ALL_HALTED,
        /** the step budget ran out (runaway loop, or --max-steps) */
        STEP_LIMIT,
        /** a step hook (breakpoint, debugger) asked to stop */
        STOPPED,
        /** the kernel panicked (TKL panic() or a failed KASSERT); see Machine.panicMessage() */
        PANIC
    }
}
