package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tk86 bench boot}: its JSON form (issue 4, "Benchmark") and its errors. */
@Timeout(300)
class BenchBootCommandTest {
    @Test
    void jsonIsTheOneFigure() {
        Cli.Outcome o = Cli.run("bench", "boot", "--json", "--runs", "1", "--warmups", "0", "--image", TestImages.of("SMOKE").toString());
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        assertTrue(o.line().matches("\\{\"boot_wall_s\":[0-9]+\\.[0-9]{3}}"), o.line());
    }

    @Test
    void aMissingImageIsBadInput() {
        Cli.Outcome o = Cli.run("bench", "boot", "--image", "/nonexistent/kernel.elf");
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertEquals("tk86: --image: /nonexistent/kernel.elf: no such file\n", o.err());
    }

    @Test
    void badCountsAreBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "boot", "--runs", "0").status());
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "boot", "--warmups", "-1").status());
    }
}
