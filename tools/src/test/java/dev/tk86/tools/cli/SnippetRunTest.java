package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tk86 x86 run} (issue 2, deliverable 6): raw bytes in ring 0 with the identity map,
 * one JSON object per case. Exceptions are architectural (SDM Vol. 3A, 6.3.1 vectors, 4.7 #PF
 * error codes) and reported with the state at the faulting instruction.
 */
@Timeout(60)
class SnippetRunTest {

    private static JsonObject json(String line) { return (JsonObject) JsonReader.parse(line); }

    private static String str(JsonObject o, String... path) {
        JsonValue v = o;
        for (String p : path) v = ((JsonObject) v).get(p);
        if (v instanceof JsonString s) return s.value();
        if (v instanceof JsonValue.JsonNumber n) return n.text();
        return v == null ? "(absent)" : dev.tk86.tools.json.JsonWriter.write(v);
    }

    private static JsonObject runOk(int status, String... args) {
        Cli.Outcome o = Cli.run(args);
        assertEquals(status, o.status(), () -> "exit status; stdout " + o.out() + " stderr " + o.err());
        return json(o.line());
    }

    @Test
    void addOfTwoRegistersRunsToTheEndOfTheCode() {
        JsonObject r = runOk(ExitCodes.OK, "x86", "run", "--code", "4801d8", "--regs", "{\"rax\":1,\"rbx\":2}");
        assertEquals("completed", str(r, "end"), r::toString);
        assertEquals("1", str(r, "steps"));
        assertEquals("0x3", str(r, "regs", "rax"));
        assertEquals("0x2", str(r, "regs", "rbx"));
        assertEquals("0x1003", str(r, "regs", "rip"), "RIP stops at the end of the code");
        assertEquals("0x6", str(r, "regs", "rflags"), "3 has even parity: PF (SDM Vol. 1, 3.4.3.1)");
        assertEquals("0x100000", str(r, "regs", "rsp"));
        assertTrue(r.get("exception") == null, "no exception member after a clean run");
    }

    @Test
    void aReadOfAnUnmappedAddressIsAPageFaultWithCr2AndErrorCode() {
        // mov 0x40000000, %rax: a supervisor read of a not-present page (RAM ends at 64 MiB) -> error code 0 (SDM 4.7)
        JsonObject r = runOk(ExitCodes.GUEST_EXCEPTION, "x86", "run", "--code", "488b042500000040");
        assertEquals("exception", str(r, "end"));
        assertEquals("14", str(r, "exception", "vector"));
        assertEquals("#PF", str(r, "exception", "name"));
        assertEquals("0x0", str(r, "exception", "error_code"));
        assertEquals("0x40000000", str(r, "exception", "cr2"));
        assertEquals("0x1000", str(r, "regs", "rip"), "RIP is the faulting instruction");
        assertEquals("0", str(r, "steps"), "the faulting instruction does not retire");
    }

    @Test
    void aWriteToTheNullPageIsAPageFaultWithTheWriteBit() {
        // mov %rbx, (%rax) with rax = 0: write, not present, supervisor -> error code 2
        JsonObject r = runOk(ExitCodes.GUEST_EXCEPTION, "x86", "run", "--code", "488918");
        assertEquals("#PF", str(r, "exception", "name"));
        assertEquals("0x2", str(r, "exception", "error_code"));
        assertEquals("0x0", str(r, "exception", "cr2"));
    }

    @Test
    void withPagingOffTheNullPageIsOrdinaryMemory() {
        JsonObject r = runOk(ExitCodes.OK, "x86", "run", "--code", "488918", "--paging", "off",
                "--regs", "{\"rbx\":\"0x1122334455667788\"}", "--mem", "0x0=0000000000000000");
        assertEquals("completed", str(r, "end"));
        assertEquals("8877665544332211", str(r, "mem", "0x0"));
    }

    @Test
    void anInstructionOutsideTheSubsetIsUdNamingIt() {
        // syscall (0f 05) is not in the subset
        JsonObject r = runOk(ExitCodes.GUEST_EXCEPTION, "x86", "run", "--code", "0f05");
        assertEquals("6", str(r, "exception", "vector"));
        assertEquals("#UD", str(r, "exception", "name"));
        assertEquals("null", str(r, "exception", "error_code"), "#UD pushes no error code (SDM 6.13)");
        assertTrue(str(r, "exception", "detail").toLowerCase().contains("syscall"), () -> "detail names the instruction: " + r);
    }

    @Test
    void divisionByZeroIsDe() {
        // xor %ecx, %ecx; div %rcx
        JsonObject r = runOk(ExitCodes.GUEST_EXCEPTION, "x86", "run", "--code", "31c948f7f1", "--regs", "{\"rax\":7}");
        assertEquals("0", str(r, "exception", "vector"));
        assertEquals("#DE", str(r, "exception", "name"));
        assertEquals("0x1002", str(r, "regs", "rip"), "#DE is a fault: RIP on the div");
        assertEquals("1", str(r, "steps"), "only the xor retired");
        assertEquals("0x7", str(r, "regs", "rax"), "the destination is unchanged");
    }

    @Test
    void aJumpToItselfStopsAtTheStepLimit() {
        Cli.Outcome o = Cli.run("x86", "run", "--code", "ebfe", "--max-steps", "1000");
        assertEquals(ExitCodes.STEP_LIMIT, o.status(), o::toString);
        JsonObject r = json(o.line());
        assertEquals("step-limit", str(r, "end"));
        assertEquals("1000", str(r, "steps"));
        assertEquals("0x1000", str(r, "regs", "rip"));
        assertTrue(str(r, "error").contains("step limit reached"), r::toString);
        assertTrue(o.err().startsWith("tk86: step limit reached"), o.err());
    }

    @Test
    void memRegionsArePreloadedAndDumped() {
        // mov (0x2000), %rax; not %rax; mov %rax, (0x2008)
        JsonObject r = runOk(ExitCodes.OK, "x86", "run", "--code", "488b042500200000" + "48f7d0" + "4889042508200000",
                "--mem", "0x2000=0102030405060708", "--mem", "0x2008=0000000000000000");
        assertEquals("0xf7f8f9fafbfcfdfe", str(r, "regs", "rax"), r::toString);
        assertEquals("0102030405060708", str(r, "mem", "0x2000"));
        assertEquals("fefdfcfbfaf9f8f7", str(r, "mem", "0x2008"));
    }

    @Test
    void hltEndsTheSnippetAsHalted() {
        JsonObject r = runOk(ExitCodes.OK, "x86", "run", "--code", "f490");
        assertEquals("halted", str(r, "end"));
        assertEquals("0x1001", str(r, "regs", "rip"), "RIP after hlt is the next instruction");
    }

    @Test
    void consoleOutputIsReported() {
        // mov $0x41, %al; out %al, $0xe9
        JsonObject r = runOk(ExitCodes.OK, "x86", "run", "--code", "b041e6e9");
        assertEquals("A", str(r, "console"));
    }

    @Test
    void aBatchAnswersEveryLineInOrder(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, List.of(
                "{\"id\":1,\"code\":\"4801d8\",\"regs\":{\"rax\":1,\"rbx\":2}}",
                "",
                "{\"id\":\"two\",\"code\":\"488b0425000000c0\"}",
                "{\"id\":3,\"code\":\"ebfe\",\"max_steps\":50}"));
        Cli.Outcome o = Cli.run("x86", "run", "--batch", cases.toString());
        assertEquals(ExitCodes.OK, o.status(), "exceptions and step limits are results, not errors: " + o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(3, lines.size(), o.out());
        JsonObject first = json(lines.get(0)), second = json(lines.get(1)), third = json(lines.get(2));
        assertEquals("1", str(first, "id"));
        assertEquals("0x3", str(first, "regs", "rax"));
        assertEquals("two", str(second, "id"));
        assertEquals("#PF", str(second, "exception", "name"));
        assertEquals("3", str(third, "id"));
        assertEquals("step-limit", str(third, "end"));
        assertEquals("50", str(third, "steps"));
    }

    @Test
    void aBadBatchLineIsAnsweredWithAnErrorAndTheBatchGoesOn(@TempDir Path dir) throws IOException {
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, List.of("{\"code\":\"90\"", "{\"code\":\"90\",\"regs\":{\"xmm0\":1}}", "{\"code\":\"90\"}"));
        Cli.Outcome o = Cli.run("x86", "run", "--batch", cases.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        List<String> lines = o.out().lines().toList();
        assertEquals(3, lines.size(), o.out());
        assertEquals("1", str(json(lines.get(0)), "line"));
        assertTrue(str(json(lines.get(0)), "error").startsWith("column 13:"), lines.get(0));
        assertTrue(str(json(lines.get(1)), "error").contains("unknown register 'xmm0'"), lines.get(1));
        assertEquals("completed", str(json(lines.get(2)), "end"));
        assertEquals(2, o.err().lines().count(), "one stderr line per bad line: " + o.err());
    }

    @Test
    void casesInABatchDoNotSeeEachOthersMemoryOrTimeStampCounter(@TempDir Path dir) throws IOException {
        // 1: store 0x1234 at 0x3000. 2: load 0x3000 (must be 0 again); rdtsc counts from 0 again.
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, List.of(
                "{\"code\":\"48c7042500300000341200000f31\"}",
                "{\"code\":\"488b1c25003000000f31\"}"));
        Cli.Outcome o = Cli.run("x86", "run", "--batch", cases.toString());
        List<String> lines = o.out().lines().toList();
        JsonObject first = json(lines.get(0)), second = json(lines.get(1));
        assertEquals("completed", str(first, "end"), lines.get(0));
        assertEquals("0x0", str(second, "regs", "rbx"), "memory is zeroed between cases");
        assertEquals(str(first, "regs", "rax"), str(second, "regs", "rax"), "rdtsc counts steps from the case's start");
    }

    @Test
    void aCaseAfterAPowerOffRunsOnAFreshMachine(@TempDir Path dir) throws IOException {
        // mov $0x501, %dx; mov $7, %al; out %al, (%dx): the exit port powers the machine off
        Path cases = dir.resolve("cases.jsonl");
        Files.write(cases, List.of("{\"code\":\"66ba0105b007ee\"}", "{\"code\":\"4801d8\",\"regs\":{\"rax\":1,\"rbx\":2}}"));
        List<String> lines = Cli.run("x86", "run", "--batch", cases.toString()).out().lines().toList();
        assertEquals("power-off", str(json(lines.get(0)), "end"));
        assertEquals("exit status 7", str(json(lines.get(0)), "detail"));
        assertEquals("completed", str(json(lines.get(1)), "end"));
        assertEquals("0x3", str(json(lines.get(1)), "regs", "rax"));
    }
}
