package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * docs/tkl.md §17.2: operands and arguments are evaluated left to right, a value computed
 * before a call keeps the value it had then (it waits in a frame temporary), an assignment
 * evaluates its value before its target, and && and || call their right side only when needed.
 */
class EvaluationOrderTest {
    static final String PROGRAM = """
            var g: u64 = 1;
            var calls: u64;

            fn bump() -> u64 {
                g += 10;
                calls += 1;
                return g;
            }

            fn three(a: u64, b: u64, c: u64) -> u64 {
                return a * 10000 + b * 100 + c;
            }

            fn main() -> u64 {
                let a = g + bump();
                let b = bump() + g;
                let arr: [4]u64;
                arr[bump() % 4] = g;
                let c = three(g, bump(), g);
                let before = calls;
                let x = g > 100 && bump() > 0;
                let y = g < 100 || bump() > 0;
                let z = g < 100 && bump() > 0;
                printf("%u %u %u %u %u %u %u %u %u\\n", a, b, arr[1], arr[3], c, calls - before, x as u8, y as u8, z as u8);
                return calls;
            }
            """;

    @Test
    void leftToRightValueBeforeTargetAndShortCircuits() {
        TklMachine m = new TklMachine(TklImage.of("order.tk", PROGRAM).build());
        assertEquals(5, m.runMain(), "bump() ran for a, b, the index, the argument and the last &&");
        // a = 1 + 11; b = 21 + 21; arr[31 % 4] = 21 (g read before bump() in the index);
        // three(31, 41, 41); only the last && calls bump()
        assertEquals("12 42 0 21 314141 1 0 1 1\n", m.console());
    }
}
