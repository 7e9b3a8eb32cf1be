package dev.tk86.tools.trace;

import java.util.List;

/**
 * One traced event: its kind, the CPU, the CPU's step count when it happened (the guest's own
 * clock, so traces are deterministic), and named fields in order. Field values are strings
 * (addresses in hex, text) or numbers.
 */
public record TraceEvent(TraceKind kind, int cpu, long step, List<Field> fields) {
    public record Field(String name, Object value) {
        public Field {
            if (!(value instanceof String) && !(value instanceof Long) && !(value instanceof Integer))
                throw new IllegalArgumentException("a trace field is a string or an integer, not " + value);
        }
    }

    public static Field field(String name, Object value) { return new Field(name, value); }

    public static String hex(long v) { return String.format("0x%x", v); }
}
