package dev.tk86.tools.x86;

import dev.tk86.tools.json.JsonValue;
import java.util.List;

/**
 * The outcome of one snippet: the state when it stopped.
 *
 * @param steps   instructions retired (a faulting instruction does not retire)
 * @param gprs    rax..r15
 * @param mem     the preloaded regions, read back
 * @param fault   the exception, for {@link SnippetEnd#EXCEPTION}
 * @param console bytes written to ports 0xE9 / 0x3F8
 * @param detail  a sentence for the other ends (exit status, triple-fault chain, ...), or ""
 */
public record SnippetResult(SnippetEnd end, long steps, long[] gprs, long rip, long rflags, List<MemRegion> mem,
                            SnippetFault fault, String console, String detail, JsonValue id) {
    public SnippetResult {
        gprs = gprs.clone();
        mem = List.copyOf(mem);
    }

    @Override public long[] gprs() { return gprs.clone(); }

    public long gpr(int i) { return gprs[i]; }
}
