package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.testing.FaultCatcher;
import dev.tk86.kernel.testing.Sources;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * Faults raised while a TKL statement runs are guest exceptions with RIP = that statement's
 * site (docs/tkl.md, "Faults"): frames really live in emulated memory behind the page tables
 * (SDM 4.7: #PF with CR2 = the linear address), a bad pointer is a #PF or #GP delivered
 * through the guest's IDT (or a triple-fault report without one), a zero divisor is #DE.
 * None of them is ever a Java exception.
 */
class FaultTest {
    static final String UNMAP = """
            var stack_ptes: [16]u64;
            var victim: u64;

            fn main() -> u64 {
                let x: u64 = 5;
                let here = &x as u64;
                victim = here;
                let page = here & ~(0xfff as u64);
                let pte = stack_ptes[(page - 0xffffc00000000000) >> 12] as *u64;
                *pte = 0;
                invlpg(page);
                x = x + 1; // FAULT
                return x;
            }
            """;

    @Test
    void unmappingTheRunningFunctionsStackPageFaultsItsNextStatement() {
        TklMachine m = new TklMachine(TklImage.of("unmap.tk", UNMAP).build());
        for (int i = 0; i < 16; i++) {
            m.write(m.symbol("stack_ptes") + 8L * i, 8, m.tables.entry(TklMachine.stackBase(0) + 4096L * i, 1));
        }
        FaultCatcher c = new FaultCatcher();
        m.machine.setHook(c);
        assertEquals(RunResult.Reason.STOPPED, m.machine.run(TklMachine.STEPS).reason());
        assertNotNull(c.fault);
        assertEquals(Vector.PF, c.fault.vector());
        assertEquals(0, c.fault.errorCode(), "a read of a not-present page in ring 0: P=0 W/R=0 U/S=0");
        assertEquals(m.global("victim", 8), c.fault.cr2(), "CR2 is the address of the frame slot of x");
        SiteInfo at = m.runtime.sourceMap().site(c.rip).orElseThrow();
        assertEquals("main", at.function());
        assertEquals(Sources.lineOf(UNMAP, "// FAULT"), at.line());
    }

    static final String BAD = """
            extern fn set_gate(vector: u64, handler: u64);
            extern fn isr_pf();
            extern fn isr_gp();
            var use_idt: bool;
            var target: u64 = 0x400000000000;

            fn main() -> u64 {
                if use_idt {
                    set_gate(14, isr_pf as u64);
                    set_gate(13, isr_gp as u64);
                }
                let p = target as *u32;
                let v = *p; // BAD
                return v as u64;
            }
            """;

    @Test
    void aBadPointerIsAPageFaultDeliveredThroughTheGuestsIdt() {
        TklMachine m = new TklMachine(TklImage.of("bad.tk", BAD).asm(TklImage.resource("idt.s")).build());
        m.write(m.symbol("use_idt"), 1, 1);
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(14, r.exitStatus(), "the #PF handler ran");
        assertEquals(0x400000000000L, m.global("pf_cr2", 8));
        assertEquals(0, m.global("pf_error", 8));
        SiteInfo at = m.runtime.sourceMap().site(m.global("pf_rip", 8)).orElseThrow();
        assertEquals(Sources.lineOf(BAD, "// BAD"), at.line(), "the pushed RIP is the TKL site of the bad dereference");
    }

    @Test
    void aNonCanonicalPointerIsAGeneralProtectionFault() {
        TklMachine m = new TklMachine(TklImage.of("bad.tk", BAD).asm(TklImage.resource("idt.s")).build());
        m.write(m.symbol("use_idt"), 1, 1);
        m.write(m.symbol("target"), 8, 0x8000_0000_0000_0000L);
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(13, r.exitStatus(), r.detail());
        assertEquals(Sources.lineOf(BAD, "// BAD"), m.runtime.sourceMap().site(m.global("pf_rip", 8)).orElseThrow().line());
    }

    @Test
    void withoutAnIdtABadPointerEndsInATripleFaultReport() {
        TklMachine m = new TklMachine(TklImage.of("bad.tk", BAD).asm(TklImage.resource("idt.s")).build());
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.TRIPLE_FAULT, r.reason());
        assertTrue(r.detail().contains("#PF"), r.detail());
        assertEquals(Sources.lineOf(BAD, "// BAD"), m.runtime.sourceMap().site(m.cpu().rip).orElseThrow().line());
    }

    static final String DIV = """
            var d: u32;
            var m: i32 = -2147483648;
            var n: i32 = -1;

            fn main() -> u64 {
                let a: u32 = 10;
                let q = a / d; // DIV
                let o = m / n; // OVERFLOW
                return (q as u64) + (o as u64);
            }
            """;

    @Test
    void divisionByZeroAtRunTimeIsADivideErrorAtTheStatement() {
        TklMachine m = new TklMachine(TklImage.of("div.tk", DIV).build());
        FaultCatcher c = new FaultCatcher();
        m.machine.setHook(c);
        m.machine.run(TklMachine.STEPS);
        assertEquals(Vector.DE, c.fault.vector());
        assertEquals(Sources.lineOf(DIV, "// DIV"), m.runtime.sourceMap().site(c.rip).orElseThrow().line());
    }

    @Test
    void theMostNegativeValueDividedByMinusOneIsADivideError() {
        TklMachine m = new TklMachine(TklImage.of("div.tk", DIV).build());
        m.write(m.symbol("d"), 4, 3);
        FaultCatcher c = new FaultCatcher();
        m.machine.setHook(c);
        m.machine.run(TklMachine.STEPS);
        assertEquals(Vector.DE, c.fault.vector(), "x86 idiv raises #DE when the quotient does not fit (SDM Vol. 2A, IDIV)");
        assertEquals(Sources.lineOf(DIV, "// OVERFLOW"), m.runtime.sourceMap().site(c.rip).orElseThrow().line());
    }
}
