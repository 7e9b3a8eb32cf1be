package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/tkl.md, "Execution model": a context switch between two TKL threads through a few
 * lines of x86 (cpu_switchto in switch.s saves the callee-saved registers, swaps %rsp through
 * memory, and returns). Because a TKL call pushes its return site and every local lives in
 * the frame, the `ret` lands each thread in its own TKL frame, at the statement after its
 * call, with its locals intact; thread B starts by `ret`urning into its first TKL function.
 */
class ContextSwitchTest {
    static final String PROGRAM = """
            extern fn cpu_switchto(old: *u64, new: *u64);

            var sp_a: u64;
            var sp_b: u64;
            var stack_b: [512]u64;
            var trail: [16]u32;
            var ntrail: u64;

            fn note(v: u32) {
                trail[ntrail] = v;
                ntrail += 1;
            }

            fn thread_b() {
                let mine: u64 = 0xb0b;
                let base = &stack_b[0] as u64;
                let round: u32 = 0;
                while round < 3 {
                    note(200 + round);
                    KASSERT(mine == 0xb0b + round as u64);
                    KASSERT(&mine as u64 > base && &mine as u64 < base + 4096);
                    mine += 1;
                    round += 1;
                    cpu_switchto(&sp_b, &sp_a);
                }
                panic("thread_b resumed after its last round");
            }

            fn main() -> u64 {
                let sp = (&stack_b[0] as u64) + 4096 - 8 * 8;
                let slot = sp as *u64;
                for let i: u64 = 0; i < 8; i += 1 {
                    slot[i] = 0;
                }
                slot[6] = thread_b as u64;
                sp_b = sp;
                let mine: u64 = 0xa0a;
                let round: u32 = 0;
                while round < 3 {
                    note(100 + round);
                    cpu_switchto(&sp_a, &sp_b);
                    KASSERT(mine == 0xa0a + round as u64);
                    KASSERT(&mine as u64 >= 0xffffc00000000000);
                    mine += 1;
                    round += 1;
                }
                for let k: u64 = 0; k < ntrail; k += 1 {
                    printf("%u ", trail[k]);
                }
                printf("\\n");
                return mine;
            }
            """;

    @ParameterizedTest(name = "stepping={0}")
    @ValueSource(booleans = {false, true})
    void eachThreadReturnsIntoItsOwnTklFrame(boolean stepping) {
        TklMachine m = new TklMachine(TklImage.of("switch.tk", PROGRAM).asm(TklImage.resource("switch.s")).build());
        m.runtime.setStepping(stepping);
        assertEquals(0xa0d, m.runMain());
        assertEquals("100 200 101 201 102 202 \n", m.console());
        long spB = m.global("sp_b", 8), stackB = m.symbol("stack_b");
        assertEquals(true, spB > stackB && spB < stackB + 4096, "B's saved %rsp is on its own stack");
    }
}
