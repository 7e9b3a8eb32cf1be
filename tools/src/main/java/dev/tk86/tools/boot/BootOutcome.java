package dev.tk86.tools.boot;

import dev.tk86.isa.machine.RunResult;
import java.util.Map;

/**
 * How a boot ended: the machine's run result, the kernel's panic message if it panicked (the
 * run ended with PANIC, else null), the console text and the machine's counters. A pure
 * function of (image, options, seed).
 */
public record BootOutcome(RunResult result, String panic, String console, Map<String, Long> counters) {

    /** The short name of the ending: power_off, panic, triple_fault, step_limit, all_halted, stopped. */
    public String stop() { return result.reason().name().toLowerCase(java.util.Locale.ROOT); }

    /** The guest's exit status when it powered off, else null. */
    public Long exitStatus() { return result.reason() == RunResult.Reason.POWER_OFF ? result.exitStatus() : null; }
}
