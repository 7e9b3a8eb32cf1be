package dev.tk86.tools.x86;

import dev.tk86.tools.json.JsonValue;
import java.util.List;

/**
 * One snippet to run.
 *
 * @param code     the instruction bytes, placed at {@link SnippetLayout#CODE}
 * @param regs     the starting registers
 * @param mem      memory to preload, dumped again after the run
 * @param paging   identity map or paging off
 * @param maxSteps instructions allowed before the run is reported as a runaway
 * @param id       echoed in the result (batch mode), or null
 */
public record SnippetCase(byte[] code, InitialRegs regs, List<MemRegion> mem, Paging paging, long maxSteps, JsonValue id) {
    public static final long DEFAULT_MAX_STEPS = 1_000_000;

    public SnippetCase {
        mem = List.copyOf(mem);
        if (maxSteps < 1) throw new dev.tk86.tools.BadInputException("max steps must be at least 1, got " + maxSteps);
    }
}
