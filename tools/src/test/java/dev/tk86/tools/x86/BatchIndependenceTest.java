package dev.tk86.tools.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.tools.json.JsonWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: a {@code --batch} case's result does not depend on the case before it. One runner
 * reuses one machine; between cases it must be back in its power-on state (CPU, local APIC,
 * devices, counters), so a probe that reads that state gives the same answer after any other
 * case as it gives on a runner of its own.
 */
class BatchIndependenceTest {
    /**
     * Reads state a case could leave behind: rdtsc (steps + TSC offset), GS_BASE,
     * KERNEL_GS_BASE, the x2APIC TPR and LVT timer, CR4, CR0, FS_BASE, RFLAGS.
     */
    static final String PROBE = "0f314889c3b9010100c00f324889c6b9020100c00f324889c7b9080800000f324989c0b9320800000f32"
            + "4989c1410f20e2410f20c3b9000100c00f324989c49c415d";

    /**
     * Changes all of that: wrmsr TSC, GS_BASE, KERNEL_GS_BASE, FS_BASE, TPR, the APIC timer
     * (divide, periodic LVT unmasked, initial count 5), swapgs, CR4.PGE and CR0.WP cleared, hlt.
     */
    static final String POLLUTE = "b910000000b878563412ba090000000f30b9010100c0b81111000031d20f30b9020100c0b8222200000f30"
            + "b9000100c0b8333300000f30b908080000b8200000000f30b93e080000b80b0000000f30b932080000b8300002000f30"
            + "b938080000b8050000000f300f01f80f20e0257fffffff0f22e00f20c025fffffeff0f22c0f4";
    /** Powers the machine off: out 7 to port 0x501. */
    static final String POWER_OFF = "66ba0105b007ee";
    /** int3 without an IDT: an exception ends the case. */
    static final String FAULT = "cc";
    /** sti; a long loop: interrupts on, then the step limit. */
    static final String STEP_LIMIT = "fbebfe";

    static SnippetCase snippet(String hex, Paging paging, long maxSteps) {
        return new SnippetCase(Hex.parse(hex, "code"), InitialRegs.defaults(), List.of(), paging, maxSteps, null);
    }

    static String run(SnippetRunner r, SnippetCase c) { return JsonWriter.write(SnippetJson.result(r.run(c))); }

    @Test
    void aProbeReadsThePowerOnStateWhateverRanBeforeIt() {
        for (CpuVendor v : CpuVendor.values()) {
            for (Paging paging : Paging.values()) {
                SnippetCase probe = snippet(PROBE, paging, SnippetCase.DEFAULT_MAX_STEPS);
                String alone = run(new SnippetRunner(v), probe);
                SnippetRunner batch = new SnippetRunner(v);
                for (String before : List.of(POLLUTE, POWER_OFF, FAULT, STEP_LIMIT, POLLUTE)) {
                    run(batch, snippet(before, paging, 1000));
                    assertEquals(alone, run(batch, probe), v + ", paging " + paging + ", after " + before);
                }
                assertEquals(1, batch.machinesBuilt(), "the batch reused its machine");
            }
        }
    }
}
