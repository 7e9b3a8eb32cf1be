package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Statement stepping and fast mode (docs/tkl.md, "Execution model"): in stepping mode every
 * hand-over from the executor runs exactly one statement; in fast mode it runs on through
 * forward steps of the same function and stops at a call, a return, a loop's back edge, or
 * when the executor must look (run limit, exitRun). Either way each statement is one step
 * for the machine's counters, so the two modes compute the same thing in the same number
 * of steps.
 */
class ModesTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"structs", "loops", "recursion", "fnptr", "printf", "globals"})
    void bothModesGiveTheSameResultsAndCounters(String name) {
        String[] asm = name.equals("fnptr") ? new String[] {"fnptr.s"} : name.equals("globals") ? new String[] {"globals.s"} : new String[0];
        TklMachine fast = GoldenProgramsTest.run(name, asm);
        TklMachine step = GoldenProgramsTest.run(name, asm);
        step.runtime.setStepping(true);
        assertEquals(fast.runMain(), step.runMain());
        assertEquals(fast.console(), step.console());
        Map<String, Long> a = fast.machine.counters(), b = step.machine.counters();
        assertEquals(a.get("steps"), b.get("steps"));
        assertEquals(a.get("tkl_statements"), b.get("tkl_statements"));
        assertEquals(a.get("x86_instructions"), b.get("x86_instructions"));
    }

    static final String LOOP = """
            fn main() -> u64 {
                let i: u64 = 0;
                while i < 100 {
                    i += 1;
                }
                return i;
            }
            """;

    /** Counts the executor's hand-overs to TKL code (steps that start inside .text.tkl). */
    static final class Entries implements StepHook {
        final long lo, hi;
        long count;

        Entries(TklMachine m) {
            lo = m.runtime.text().virtualStart();
            hi = m.runtime.text().virtualEnd();
        }

        @Override public boolean beforeStep(Cpu cpu) {
            if (cpu.rip - lo >= 0 && cpu.rip - hi < 0) count++;
            return true;
        }
    }

    @Test
    void fastModeStopsOnlyAtBackEdgesCallsAndReturns() {
        // sites: 0 prologue, 1 let, 2 the loop's condition, 3 i += 1 (jumps back to 2), 4 return
        TklMachine fast = new TklMachine(TklImage.of("loop.tk", LOOP).build());
        Entries e = new Entries(fast);
        fast.machine.setHook(e);
        assertEquals(100, fast.runMain());
        assertEquals(2 + 100 * 2 + 2, fast.cpu().tklStatements);
        assertEquals(1 + 100, e.count, "one hand-over at the call, then one per back edge");

        TklMachine step = new TklMachine(TklImage.of("loop.tk", LOOP).build());
        step.runtime.setStepping(true);
        Entries s = new Entries(step);
        step.machine.setHook(s);
        assertEquals(100, step.runMain());
        assertEquals(step.cpu().tklStatements, s.count, "stepping: one hand-over per statement");
        assertEquals(fast.cpu().steps, step.cpu().steps);
    }

    @Test
    void aFastRunEndsAtTheRunLimitSoTheInterleaverStaysInCharge() {
        TklMachine m = new TklMachine(TklImage.of("loop.tk", LOOP).build());
        Cpu cpu = m.cpu();
        m.machine.run(3); // start's call, then main's prologue and its first statement
        assertEquals(3, cpu.steps);
        assertEquals(2, cpu.tklStatements);
        assertEquals(m.symbol("main") + 2, cpu.rip, "stopped in the middle of a forward run, at the next site");
        m.machine.run(5);
        assertEquals(8, cpu.steps);
        assertEquals(7, cpu.tklStatements);
    }
}
