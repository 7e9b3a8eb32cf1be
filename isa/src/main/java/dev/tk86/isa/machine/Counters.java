package dev.tk86.isa.machine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named event counts collected from the machine's components. Each component reports its own
 * counters ({@code addCounters(Counters)}); the same name from several components (one per
 * CPU) adds up. Names keep the order in which they were first reported.
 */
public final class Counters {
    private final Map<String, Long> values = new LinkedHashMap<>();

    public void add(String name, long value) { values.merge(name, value, Long::sum); }

    public Map<String, Long> asMap() { return Collections.unmodifiableMap(values); }
}
