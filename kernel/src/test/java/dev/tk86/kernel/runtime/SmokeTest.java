package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void mainCallsAFunctionAndPrints() {
        TklImage img = TklImage.of("main.tk", """
                fn add(a: u64, b: u64) -> u64 {
                    return a + b;
                }
                fn main() -> u64 {
                    let x = add(40, 2);
                    printf("x=%d\\n", x);
                    return x;
                }
                """).build();
        TklMachine m = new TklMachine(img);
        assertEquals(42, m.runMain());
        assertEquals("x=42\n", m.console());
    }
}
