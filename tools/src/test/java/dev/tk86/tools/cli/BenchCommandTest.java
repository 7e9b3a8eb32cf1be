package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tk86 bench isa}: its JSON form and its errors (issue 2, "Benchmark"). */
@Timeout(120)
class BenchCommandTest {
    @Test
    void jsonHasExactlyTheFourFigures() {
        Cli.Outcome o = Cli.run("bench", "isa", "--json", "--iterations-scale", "0.0002", "--runs", "1", "--warmups", "1");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        assertTrue(o.line().matches("\\{\"alu_mips\":[0-9.]+,\"mem_mips\":[0-9.]+,\"switch_mips\":[0-9.]+,\"swcr3_mips\":[0-9.]+}"), o.line());
    }

    @Test
    void aMissingBenchmarkFolderIsBadInput() {
        Cli.Outcome o = Cli.run("bench", "isa", "--bench-dir", "/nonexistent/bench");
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertTrue(o.err().startsWith("tk86: benchmark sources not found: /nonexistent/bench is not a folder"), o.err());
    }

    @Test
    void aFolderWithoutALoopsSourceIsBadInputNamingTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        Cli.Outcome o = Cli.run("bench", "isa", "--loops", "alu", "--bench-dir", dir.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertTrue(o.err().startsWith("tk86: benchmark sources not found: " + dir.resolve("alu.S") + " is missing"), o.err());
    }

    @Test
    void anUnknownLoopIsBadInput() {
        Cli.Outcome o = Cli.run("bench", "isa", "--loops", "alu,fpu");
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertTrue(o.err().contains("unknown loop 'fpu'"), o.err());
    }
}
