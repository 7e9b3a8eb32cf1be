package dev.tk86.isa.machine;

/**
 * How CPUs are interleaved on the one host thread. Both are functions of the seed only, so a
 * run can always be replayed.
 */
public enum Schedule {
    /** CPU 0, 1, ..., each for exactly one quantum of steps */
    ROUND_ROBIN,
    /**
     * A random CPU for a random quantum of 1..2*quantum steps, drawn from the seed: short
     * slices land preemptions at arbitrary instructions, which is what finds races.
     */
    RANDOM,
    /**
     * PCT (see {@link PctParameters}): the runnable CPU of highest priority runs for a random
     * quantum of 1..2*quantum steps; priorities are a random permutation, lowered below all
     * others at depth-1 change points drawn from the seed; APIC timer periods jitter by up to a
     * quarter. See {@link PctScheduler} for how spinning and halted CPUs are treated.
     */
    PCT
}
