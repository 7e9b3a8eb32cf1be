package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.x86.CapstoneX86;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code tk86 x86 decode} and {@code tk86 x86 disasm} (issue 2, deliverable 6). */
@Timeout(60)
class DecodeTest {

    @Test
    void aSubsetInstructionDecodesToLengthMnemonicAndOperands() {
        Cli.Outcome o = Cli.run("x86", "decode", "--code", "4801d8");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        assertEquals("{\"length\":3,\"mnemonic\":\"addq\",\"operands\":\"%rbx, %rax\",\"text\":\"addq %rbx, %rax\"}", o.line());
    }

    @Test
    void onlyTheFirstInstructionIsDecoded() {
        assertEquals("{\"length\":1,\"mnemonic\":\"nop\",\"operands\":\"\",\"text\":\"nop\"}",
                Cli.run("x86", "decode", "--code", "904801d8").line());
    }

    @Test
    void anInstructionOutsideTheSubsetIsReportedNotMisdecoded() {
        Cli.Outcome o = Cli.run("x86", "decode", "--code", "0f05"); // syscall
        assertEquals(ExitCodes.GUEST_EXCEPTION, o.status());
        assertTrue(o.line().startsWith("{\"error\":\"outside the subset: "), o.line());
        assertTrue(o.line().contains("\"kind\":\"outside-subset\""), o.line());
    }

    @Test
    void truncatedBytesAreReported() {
        Cli.Outcome o = Cli.run("x86", "decode", "--code", "4801");
        assertEquals(ExitCodes.GUEST_EXCEPTION, o.status());
        assertTrue(o.line().contains("\"kind\":\"truncated\""), o.line());
    }

    @Test
    void branchTargetsAreRelativeToTheAddress() {
        assertEquals("jmp 0x2002", text(Cli.run("x86", "decode", "--code", "eb00", "--address", "0x2000").line()));
    }

    private static String text(String json) {
        int i = json.indexOf("\"text\":\"") + 8;
        return json.substring(i, json.indexOf('"', i));
    }

    @Test
    void aBatchDecodesOneLinePerLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("hex.txt");
        Files.write(f, List.of("4801d8", "0f05", "zz", "c3"));
        Cli.Outcome o = Cli.run("x86", "decode", "--batch", f.toString());
        assertEquals(ExitCodes.BAD_INPUT, o.status(), "one line is not hex");
        List<String> lines = o.out().lines().toList();
        assertEquals(4, lines.size(), o.out());
        assertEquals("addq %rbx, %rax", text(lines.get(0)));
        assertTrue(lines.get(1).contains("outside-subset"));
        assertTrue(lines.get(2).contains("\"line\":3") && lines.get(2).contains("not a hex digit"), lines.get(2));
        assertEquals("ret", text(lines.get(3)).replace("retq", "ret"));
    }

    @Test
    void capstoneIsInstalled() {
        CapstoneX86.Availability a = CapstoneX86.open();
        assertNotNull(a.capstone(), () -> "Capstone must be available to the tests (Debian: libcapstone4): " + a.whyNot());
    }

    @Test
    void disasmShowsCapstoneNextToTk86AndMarksDifferences() {
        Cli.Outcome o = Cli.run("x86", "disasm", "--code", "0f01f8" + "4801d8" + "0f05");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        List<String> lines = o.out().lines().toList();
        assertTrue(lines.get(0).contains("capstone") && lines.get(0).contains("tk86"), lines.get(0));
        assertTrue(lines.get(1).startsWith("  0x1000") && lines.get(1).matches(".*swapgs\\s+swapgs$"), lines.get(1));
        assertTrue(lines.get(2).matches("  0x1003 .*addq %rbx, %rax\\s+addq %rbx, %rax$"), lines.get(2));
        assertTrue(lines.get(3).startsWith("* 0x1006") && lines.get(3).contains("syscall") && lines.get(3).contains("outside the subset"), lines.get(3));
        assertEquals("3 instruction(s), 1 differ (*)", lines.get(4));
    }
}
