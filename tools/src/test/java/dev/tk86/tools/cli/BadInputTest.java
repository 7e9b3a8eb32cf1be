package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 2, "Bad input": malformed hex or JSON, unknown registers, bad addresses and missing
 * options give one line {@code tk86: ...} on stderr and exit status 2, never a stack trace.
 * None of these needs the decoder: input is checked before anything runs.
 */
class BadInputTest {

    private static Cli.Outcome assertBadInput(String expectedFragment, String... args) {
        Cli.Outcome o = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, o.status(), () -> "exit status of " + String.join(" ", args) + ", stderr: " + o.err());
        String err = o.err().strip();
        assertFalse(err.contains("\n"), () -> "more than one line on stderr:\n" + err);
        assertTrue(err.startsWith("tk86: "), () -> "stderr should start with 'tk86: ': " + err);
        assertTrue(err.contains(expectedFragment), () -> "stderr should mention '" + expectedFragment + "': " + err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), () -> "a stack trace leaked: " + err);
        assertEquals("", o.out(), "nothing on stdout");
        return o;
    }

    @Test
    void aNonHexCharacterIsNamedWithItsPosition() {
        assertBadInput("'z' at position 6 is not a hex digit", "x86", "run", "--code", "4801dz");
    }

    @Test
    void anOddNumberOfHexDigitsIsRejected() {
        assertBadInput("odd number of hex digits (5)", "x86", "run", "--code", "4801d");
    }

    @Test
    void aZeroXPrefixOnCodeGetsAHint() {
        assertBadInput("without a 0x prefix", "x86", "run", "--code", "0x90");
    }

    @Test
    void malformedRegsJsonSaysWhere() {
        assertBadInput("column 10: expected ',' or '}'", "x86", "run", "--code", "90", "--regs", "{\"rax\":1 \"rbx\":2}");
    }

    @Test
    void truncatedRegsJsonSaysWhere() {
        assertBadInput("column 9: expected ',' or '}' but found the end of the text", "x86", "run", "--code", "90", "--regs", "{\"rax\":1");
    }

    @Test
    void anUnknownRegisterNameIsRejected() {
        assertBadInput("unknown register 'eax'", "x86", "run", "--code", "90", "--regs", "{\"eax\":1}");
    }

    @Test
    void aRegisterValueThatIsNotANumberIsRejected() {
        assertBadInput("--regs.rax: '0xfg' is not a hexadecimal number", "x86", "run", "--code", "90", "--regs", "{\"rax\":\"0xfg\"}");
    }

    @Test
    void aRegisterValueWiderThan64BitsIsRejected() {
        assertBadInput("does not fit in 64 bits", "x86", "run", "--code", "90", "--regs", "{\"rax\":\"0x1ffffffffffffffff\"}");
    }

    @Test
    void ripIsNotAnInput() {
        assertBadInput("RIP is not an input", "x86", "run", "--code", "90", "--regs", "{\"rip\":16}");
    }

    @Test
    void aMemoryAddressThatIsNotANumberIsRejected() {
        assertBadInput("--mem 0x2g00: '0x2g00' is not a hexadecimal number", "x86", "run", "--code", "90", "--mem", "0x2g00=aa");
    }

    @Test
    void memoryOutsideRamIsRejected() {
        assertBadInput("outside the snippet machine's RAM", "x86", "run", "--code", "90", "--mem", "0x4000000=aa");
    }

    @Test
    void memoryOverlappingTheCodeIsRejected() {
        assertBadInput("overlaps the code", "x86", "run", "--code", "9090", "--mem", "0x1001=aa");
    }

    @Test
    void memoryOverlappingThePageTablesIsRejected() {
        assertBadInput("overlaps the runner's page tables", "x86", "run", "--code", "90", "--mem", "0x1ff000=aa");
    }

    @Test
    void aMemOptionWithoutEqualsSignIsRejected() {
        assertBadInput("expected ADDR=HEX", "x86", "run", "--code", "90", "--mem", "0x2000");
    }

    @Test
    void missingCodeIsReported() {
        assertBadInput("--code HEX", "x86", "run");
    }

    @Test
    void anUnknownOptionIsReported() {
        assertBadInput("Unknown options: '--cod'", "x86", "run", "--cod", "90");
    }

    @Test
    void aNonNumericStepLimitIsReported() {
        assertBadInput("--max-steps", "x86", "run", "--code", "90", "--max-steps", "many");
    }

    @Test
    void anUnknownPagingModeIsReported() {
        assertBadInput("'on' is not a paging mode", "x86", "run", "--code", "90", "--paging", "on");
    }

    @Test
    void aMissingBatchFileIsReported() {
        assertBadInput("no such file", "x86", "run", "--batch", "/nonexistent/cases.jsonl");
    }

    @Test
    void missingSubcommandIsReported() {
        assertBadInput("missing a command", "x86");
    }
}
