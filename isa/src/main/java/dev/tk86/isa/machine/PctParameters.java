package dev.tk86.isa.machine;

/**
 * The two numbers of a PCT schedule (Burckhardt et al., "A Randomized Scheduler with
 * Probabilistic Guarantees of Finding Bugs", ASPLOS 2010): a bug of depth {@code depth} needs
 * {@code depth - 1} ordering constraints, so the schedule places {@code depth - 1} priority change
 * points at random steps in {@code [1, horizon]}, where the horizon should be about the length of
 * the run (k in the paper). Depth 3 is the default: SCTBench (Thomson et al., PPoPP 2014) found
 * small depths the most effective.
 */
public record PctParameters(int depth, long horizon) {
    public static final int DEFAULT_DEPTH = 3;
    public static final long DEFAULT_HORIZON = 1_000_000;
    public static final PctParameters DEFAULT = new PctParameters(DEFAULT_DEPTH, DEFAULT_HORIZON);

    public PctParameters {
        if (depth < 1) throw new IllegalArgumentException("PCT depth must be at least 1, got " + depth);
        if (horizon < 1) throw new IllegalArgumentException("PCT horizon must be at least 1 step, got " + horizon);
    }
}
