package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Issue 7: {@code --cpu-vendor intel|amd} on every command that builds a machine or decodes,
 * Intel by default; an unknown vendor is one line naming the accepted values, exit status 2.
 */
class CpuVendorOptionTest {
    /** F3 REX.B 90: pause on Intel, xchg %r8, %rax on AMD (docs/isa.md, "Vendor rules"). */
    static final String F3_REXB_90 = "f34190";

    @Test
    void snippetsRunWithIntelRulesByDefault() {
        Cli.Outcome o = Cli.run("x86", "run", "--code", F3_REXB_90, "--regs", "{\"rax\":1,\"r8\":2}");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.line().contains("\"rax\":\"0x1\"") && o.line().contains("\"r8\":\"0x2\""), o.line());
    }

    @Test
    void snippetsRunWithAmdRulesWhenAsked() {
        Cli.Outcome o = Cli.run("x86", "run", "--cpu-vendor", "amd", "--code", F3_REXB_90, "--regs", "{\"rax\":1,\"r8\":2}");
        assertEquals(0, o.status(), o.err());
        assertTrue(o.line().contains("\"rax\":\"0x2\"") && o.line().contains("\"r8\":\"0x1\""), o.line());
    }

    @Test
    void decodeFollowsTheVendor() {
        assertTrue(Cli.run("x86", "decode", "--code", F3_REXB_90).out().contains("pause"));
        assertTrue(Cli.run("x86", "decode", "--cpu-vendor", "amd", "--code", F3_REXB_90).out().contains("xchg"));
    }

    @Test
    void anUnknownVendorIsOneLineNamingTheAcceptedOnes() {
        for (String[] cmd : new String[][] {{"boot"}, {"x86", "run", "--code", "90"}, {"x86", "decode", "--code", "90"},
                {"x86", "disasm", "--code", "90"}, {"bench", "isa"}, {"bench", "tkl"}, {"bench", "boot"}, {"check"}}) {
            String[] args = java.util.Arrays.copyOf(cmd, cmd.length + 2);
            args[cmd.length] = "--cpu-vendor";
            args[cmd.length + 1] = "via";
            Cli.Outcome o = Cli.run(args);
            String what = String.join(" ", args);
            assertEquals(ExitCodes.BAD_INPUT, o.status(), what);
            String err = o.err().strip();
            assertFalse(err.contains("\n"), what + ": " + err);
            assertTrue(err.startsWith("tk86: ") && err.contains("unknown CPU vendor 'via' (accepted: intel, amd)"), what + ": " + err);
            assertEquals("", o.out(), what);
        }
    }
}
