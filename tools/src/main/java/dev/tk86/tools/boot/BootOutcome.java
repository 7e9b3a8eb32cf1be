package dev.tk86.tools.boot;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.tools.inspect.PanicReport;
import java.util.Map;
import java.util.Optional;

/**
 * How a boot ended: the machine's run result, the kernel's panic message if it panicked (the
 * run ended with PANIC, else null) and the panic report (CPU, thread, backtrace), the console
 * text, the machine's counters, the kernel's own kc_* counters (without the prefix) and the
 * per-exit costs derived from them. A pure function of (image, options, seed).
 */
public record BootOutcome(RunResult result, String panic, Optional<PanicReport> panicReport, String console,
                          Map<String, Long> counters, Map<String, Long> kernelCounters, Map<String, Double> perExit) {

    /** The short name of the ending: power_off, panic, triple_fault, step_limit, all_halted, stopped. */
    public String stop() { return result.reason().name().toLowerCase(java.util.Locale.ROOT); }

    /** The guest's exit status when it powered off, else null. */
    public Long exitStatus() { return result.reason() == RunResult.Reason.POWER_OFF ? result.exitStatus() : null; }
}
