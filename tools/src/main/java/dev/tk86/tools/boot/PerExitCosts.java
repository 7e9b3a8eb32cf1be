package dev.tk86.tools.boot;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Guest costs per exited process (issue 8, item 7): context switches from the kernel's own
 * counter, x86 instructions and TKL statements from the machine's. Empty unless the kernel
 * counts exits (kc_exits) and at least one happened.
 */
public final class PerExitCosts {
    private PerExitCosts() { }

    /** {@code kernel} without the kc_ prefix, {@code machine} as Machine.counters() names them. */
    public static Map<String, Double> of(Map<String, Long> kernel, Map<String, Long> machine) {
        Map<String, Double> out = new LinkedHashMap<>();
        Long exits = kernel.get("exits");
        if (exits == null || exits <= 0) return out;
        Long switches = kernel.get("context_switches");
        if (switches != null) out.put("context_switches_per_exit", (double) switches / exits);
        out.put("x86_instructions_per_exit", (double) machine.getOrDefault("x86_instructions", 0L) / exits);
        out.put("tkl_statements_per_exit", (double) machine.getOrDefault("tkl_statements", 0L) / exits);
        return out;
    }
}
