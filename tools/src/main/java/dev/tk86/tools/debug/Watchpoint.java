package dev.tk86.tools.debug;

import java.util.List;

/**
 * One watchpoint: what the user watched ({@code spec}), how ({@link Kind}), and the watched
 * ranges. A {@code watch ci_proc_pmap} without a CPU has one range per CPU (each CPU's own
 * cpu_info field); {@code cpu} then is -1, else only accesses by that CPU count.
 */
public record Watchpoint(int number, String spec, Kind kind, List<Range> ranges, int cpu, boolean internal) {
    public enum Kind {
        /** any write (gdb's Z2) */
        WRITE,
        /** any read (Z3) */
        READ,
        /** reads and writes (Z4) */
        ACCESS,
        /** a write that changes the value (the debugger's {@code watch}, as gdb's software watchpoints) */
        CHANGE
    }

    /** {@code length} bytes at virtual {@code address} = physical {@code physical}. */
    public record Range(long address, long physical, int length) {
        boolean overlaps(long pa, int size) { return pa < physical + length && physical < pa + size; }
    }

    public String describe() {
        StringBuilder s = new StringBuilder(number + ": " + kind.name().toLowerCase() + " " + spec);
        if (cpu >= 0) s.append(" (cpu").append(cpu).append(" only)");
        for (Range r : ranges) s.append(String.format(" [0x%x, %d bytes]", r.address(), r.length()));
        return s.toString();
    }
}
