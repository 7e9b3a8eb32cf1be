package dev.tk86.tools.debug;

/**
 * Why the machine stopped and returned control to the debugger.
 *
 * @param cpu     the CPU the stop is about (the one that hit, stepped or was selected)
 * @param number  the breakpoint's or watchpoint's number, else 0
 * @param address the data address of a watchpoint hit, else 0
 * @param detail  one line for people (the machine's own words when it ended)
 */
public record Stop(Kind kind, int cpu, int number, long address, String detail) {
    public enum Kind {
        /** a breakpoint's condition held */
        BREAKPOINT,
        /** a watched address was accessed (or, for a change watchpoint, changed) */
        WATCHPOINT,
        /** a step command finished */
        STEP,
        /** the user interrupted the run (Ctrl-C, gdb's break) */
        INTERRUPTED,
        /** the session's step budget (--max-steps) ran out */
        BUDGET,
        /** the guest powered off; {@link #number} holds its exit status */
        EXITED,
        /** the machine cannot go on: panic, triple fault, every CPU halted */
        ENDED
    }

    /** True when the machine can never run again. */
    public boolean isFinal() { return kind == Kind.EXITED || kind == Kind.ENDED; }
}
