package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.lower.StepKind;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.testing.Sources;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Interrupts arrive between TKL statements (SDM 6.6: at instruction boundaries, with IF=1;
 * a TKL statement is one step like an instruction). The x86 stub in intr.s saves the
 * caller-saved registers, calls the TKL handler with the hardware frame, and returns with
 * iretq into the interrupted TKL site; the interrupted function finishes with its locals
 * intact, whatever statement was interrupted.
 */
class InterruptTest {
    static final String PROGRAM = """
            extern fn set_gate(vector: u64, handler: u64);
            extern fn isr_stub();
            extern fn timer_oneshot(vector: u32, count: u32);

            struct intrframe { rip: u64, cs: u64, rflags: u64, rsp: u64, ss: u64 }

            var ticks: u32;
            var seen_rip: u64;
            var timer_count: u32 = 30;

            fn intr_handler(f: *intrframe) {
                let local: u64 = 0x1234;
                ticks += 1;
                seen_rip = f.rip;
                KASSERT(local == 0x1234);
            }

            fn main() -> u64 {
                set_gate(0x40, isr_stub as u64);
                set_gate(0x41, isr_stub as u64);
                intr_enable();
                let before = ticks;
                ipi_send(0, 0x40);
                let after = ticks; // AFTER
                printf("ipi %u -> %u\\n", before, after);
                let a: u64 = 1;
                let b: u64 = 0;
                timer_oneshot(0x41, timer_count);
                let i: u64 = 0;
                while i < 100 { // LOOP
                    b += a * i;
                    a += 2;
                    i += 1;
                }
                let s = intr_disable();
                printf("ticks %u b %u a %u\\n", ticks, b, a);
                return b;
            }
            """;

    static TklImage image() { return TklImage.of("intr.tk", PROGRAM).asm(TklImage.resource("idt.s")).asm(TklImage.resource("intr.s")).build(); }

    @Test
    void aSelfIpiIsTakenBeforeTheNextStatement() {
        TklMachine m = new TklMachine(image());
        m.write(m.symbol("timer_count"), 4, 1_000_000);
        m.runMain();
        assertTrue(m.console().startsWith("ipi 0 -> 1\n"), m.console());
        SiteInfo at = m.runtime.sourceMap().site(m.global("seen_rip", 8)).orElseThrow();
        assertEquals("main", at.function());
        assertEquals(Sources.lineOf(PROGRAM, "// AFTER"), at.line(), "iretq returned to the statement after ipi_send");
        assertEquals(StepKind.STATEMENT, at.kind());
    }

    @Test
    void aTimerInterruptAnywhereInALoopLeavesTheLoopsLocalsIntact() {
        long expected = 0;
        for (long i = 0; i < 100; i++) expected += (1 + 2 * i) * i;
        Set<Integer> lines = new HashSet<>();
        int loop = Sources.lineOf(PROGRAM, "// LOOP");
        for (boolean stepping : new boolean[] {false, true}) {
            for (int count = 20; count < 60; count++) {
                TklMachine m = new TklMachine(image());
                m.runtime.setStepping(stepping);
                m.write(m.symbol("timer_count"), 4, count);
                assertEquals(expected, m.runMain());
                assertEquals("ipi 0 -> 1\nticks 2 b " + expected + " a 201\n", m.console());
                SiteInfo at = m.runtime.sourceMap().site(m.global("seen_rip", 8)).orElseThrow();
                assertEquals("main", at.function());
                assertTrue(at.line() >= loop - 3 && at.line() <= loop + 3, "interrupted at " + at);
                lines.add(at.line());
            }
        }
        assertTrue(lines.size() >= 4, "the timer hit several different statements: " + lines);
    }

    static final String HLT = """
            extern fn set_gate(vector: u64, handler: u64);
            extern fn isr_stub();
            extern fn timer_oneshot(vector: u32, count: u32);

            struct intrframe { rip: u64, cs: u64, rflags: u64, rsp: u64, ss: u64 }

            var ticks: u32;
            var seen_rip: u64;

            fn intr_handler(f: *intrframe) {
                ticks += 1;
                seen_rip = f.rip;
            }

            fn main() -> u64 {
                set_gate(0x41, isr_stub as u64);
                timer_oneshot(0x41, 5000);
                intr_enable();
                let before = ticks;
                hlt();
                let after = ticks; // WOKEN
                return (after - before) as u64;
            }
            """;

    @Test
    void hltWaitsForTheNextInterruptAndResumesAtTheNextStatement() {
        TklMachine m = new TklMachine(TklImage.of("hlt.tk", HLT).asm(TklImage.resource("idt.s")).asm(TklImage.resource("intr.s")).build());
        assertEquals(1, m.runMain(), "the handler ran once between hlt() and the next statement");
        assertEquals(Sources.lineOf(HLT, "// WOKEN"), m.runtime.sourceMap().site(m.global("seen_rip", 8)).orElseThrow().line());
        assertTrue(m.machine.counters().get("idle_steps") > 4000, "the halted CPU waited for the timer");
    }
}
