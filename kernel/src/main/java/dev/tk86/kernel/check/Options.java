package dev.tk86.kernel.check;

import java.util.Set;
import java.util.TreeSet;

/**
 * The kernel configuration's options: {@code known} is the declared list (any {@code option(X)}
 * naming something else is an error), {@code enabled} the ones this kernel turns on.
 */
public record Options(Set<String> known, Set<String> enabled) {
    public Options {
        known = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(known));
        enabled = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(enabled));
    }

    public static Options none() { return new Options(Set.of(), Set.of()); }

    /** Every known option, with {@code enabled} turned on. */
    public static Options of(Set<String> known, String... enabled) { return new Options(known, Set.of(enabled)); }
}
