package dev.tk86.tools.check;

import dev.tk86.tools.BadInputException;

/**
 * Slice {@code index} of {@code count} of a seed sweep: seed s belongs to slice
 * {@code s % count + 1}, so the slices of one sweep are disjoint, cover it, and each is the same
 * on every machine that runs it.
 */
public record Shard(int index, int count) {
    public static final Shard ALL = new Shard(1, 1);

    public Shard {
        if (count < 1 || index < 1 || index > count)
            throw new BadInputException("--shard: " + index + "/" + count + " is not a slice K/N with 1 <= K <= N");
    }

    /** Parses {@code K/N}; anything else is bad input naming the option. */
    public static Shard parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) throw new BadInputException("--shard: expected K/N (slice K of N, e.g. 1/4), got '" + text + "'");
        try {
            return new Shard(Integer.parseInt(text.substring(0, slash).strip()), Integer.parseInt(text.substring(slash + 1).strip()));
        } catch (NumberFormatException e) {
            throw new BadInputException("--shard: expected K/N with whole numbers, got '" + text + "'");
        }
    }

    public boolean holds(long seed) { return Math.floorMod(seed, count) == index - 1; }

    @Override public String toString() { return index + "/" + count; }
}
