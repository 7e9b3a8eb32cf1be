package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tk86 bench tkl}: its JSON form, its table, and its errors (issue 3, "Benchmark"). No timing is asserted. */
@Timeout(300)
class BenchTklCommandTest {
    @Test
    void jsonHasExactlyTheTwoFigures() {
        Cli.Outcome o = Cli.run("bench", "tkl", "--json", "--iterations-scale", "0.001", "--runs", "1", "--warmups", "1");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        assertTrue(o.line().matches("\\{\"fast_stmts_per_s\":[0-9]+,\"step_stmts_per_s\":[0-9]+}"), o.line());
    }

    @Test
    void theTableHasARowPerProgramAndMode() {
        Cli.Outcome o = Cli.run("bench", "tkl", "--iterations-scale", "0.0005", "--runs", "2", "--warmups", "1");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        String[] rows = o.out().strip().split("\n");
        assertEquals(5, rows.length, o.out());
        // program, mode, iterations, the exact statement count (3 or 6 per iteration plus main's), runs
        assertEquals("loop fast 7500 22509 2", String.join(" ", java.util.Arrays.copyOf(rows[1].trim().split("\\s+"), 5)));
        assertEquals("call step 2500 15009 2", String.join(" ", java.util.Arrays.copyOf(rows[4].trim().split("\\s+"), 5)));
    }

    @Test
    void unknownProgramsAndModesAreBadInput() {
        Cli.Outcome o = Cli.run("bench", "tkl", "--programs", "loop,fft");
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertTrue(o.err().contains("unknown program 'fft'"), o.err());
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "tkl", "--modes", "turbo").status());
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "tkl", "--runs", "0").status());
    }
}
