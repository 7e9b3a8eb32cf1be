package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.BootExitCodes;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 4, "Tests": {@code tk86 boot} on the smoke kernel. On 1, 2 and 4 CPUs every CPU prints
 * its banner and the guest powers off with status 0; the same seed gives the same console and
 * summary; another random seed still boots; the JSON form and the exit statuses of the other
 * endings (panic, triple fault, step limit, hang, bad images) are as documented.
 */
@Timeout(300)
class BootCommandTest {
    @TempDir Path tmp;

    private static String smoke() { return TestImages.of("SMOKE").toString(); }

    private static JsonObject json(Cli.Outcome o) {
        return (JsonObject) JsonReader.parse(o.line());
    }

    private static String console(JsonObject j) { return ((JsonValue.JsonString) j.members().get("console")).value(); }

    @Test
    void withAmdRulesTheKernelIdentifiesAnAmdProcessorAndStillBoots() {
        Cli.Outcome o = Cli.run("boot", smoke(), "--cpu-vendor", "amd");
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().contains("\ncpu0: tk86 x86-64 subset CPU (AMD rules), \"AuthenticAMD\" family 15 model 5 stepping 1\n"), o.out());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void everyCpuPrintsItsBannerAndTheGuestPowersOffWithStatusZero(int cpus) {
        Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", String.valueOf(cpus));
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().startsWith("tk86/amd64 (SMOKE) smoke kernel\n"), o.out());
        assertTrue(o.out().contains("\ncpu0: tk86 x86-64 subset CPU (Intel rules), \"GenuineIntel\" family 6 model 15 stepping 1\n"), o.out());
        assertTrue(o.out().contains("\ncpu0: %gs base "), o.out());
        assertTrue(o.out().contains("\npmap: direct map of 64 MB at 0xffffff0000000000"), o.out());
        for (int i = 1; i < cpus; i++) assertTrue(o.out().contains("\ncpu" + i + ": hatched (apic id " + i + ", stack 0x"), o.out());
        assertFalse(o.out().contains("cpu" + cpus + ": hatched"), o.out());
        assertTrue(o.out().contains("\nsmoke: " + cpus + " CPUs running, powering off\n"), o.out());
        assertTrue(o.out().contains("\ntk86: powered off with exit status 0 after "), o.out());
        assertTrue(o.out().contains("\n  tkl statements  "), o.out());
        assertEquals("", o.err());
    }

    @Test
    void genericIsTheRealKernelWithDiagnosticChecksRunningTheDefaultWorkload() {
        // Issue 8, item 9: the README's main command boots the real kernel (GENERIC = REAPER)
        // and runs the default workload; the smoke kernel's checks still run on the way.
        Cli.Outcome o = Cli.run("boot", TestImages.of("GENERIC").toString(), "--cpus", "4");
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().startsWith("tk86/amd64 (GENERIC) kernel\n"), o.out());
        assertTrue(o.out().matches("(?s).*\npmap: DIAGNOSTIC: \\d+ kernel pages and 32 direct-map pages checked\n.*"), o.out());
        assertTrue(o.out().contains("\ncpu3: hatched"), o.out());
        assertTrue(o.out().contains("\nworkload configure: n=40 heap=16 pages=2 (REAPER"), o.out());
        assertTrue(o.out().contains("\nno leaks: every uarea, vmspace, page-table page, page and proc came back\n"), o.out());
        assertFalse(Cli.run("boot", smoke(), "--cpus", "1").out().contains("DIAGNOSTIC"));
    }

    @Test
    void theJsonFormIsOneObjectWithStatusPanicConsoleAndCounters() {
        Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", "2", "--json");
        assertEquals(0, o.status(), o::toString);
        JsonObject j = json(o);
        assertEquals(List.of("exit_status", "panic", "panic_report", "console", "counters", "stop", "detail"), new ArrayList<>(j.members().keySet()));
        assertEquals("0", ((JsonValue.JsonNumber) j.members().get("exit_status")).text());
        assertEquals(JsonValue.NULL, j.members().get("panic"));
        assertEquals(JsonValue.NULL, j.members().get("panic_report"));
        assertTrue(console(j).contains("cpu1: hatched"), o.out());
        JsonObject counters = (JsonObject) j.members().get("counters");
        for (String k : List.of("steps", "x86_instructions", "tkl_statements", "tlb_cr3_flushes", "ipis_sent"))
            assertTrue(counters.members().containsKey(k), k + " missing in " + o.out());
        assertTrue(Long.parseLong(((JsonValue.JsonNumber) counters.members().get("tkl_statements")).text()) > 0, o.out());
        assertTrue(Long.parseLong(((JsonValue.JsonNumber) counters.members().get("ipis_sent")).text()) >= 3, o.out());
        assertTrue(Long.parseLong(((JsonValue.JsonNumber) counters.members().get("tlb_cr3_flushes")).text()) >= 1, o.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rr", "random", "pct"})
    void theSameSeedGivesTheSameConsoleAndSummary(String schedule) {
        String[] args = {"boot", smoke(), "--cpus", "4", "--schedule", schedule, "--seed", "7", "--quantum", "50"};
        Cli.Outcome a = Cli.run(args), b = Cli.run(args);
        assertEquals(0, a.status(), a::toString);
        assertEquals(a.out(), b.out());
    }

    @Test
    void otherRandomSeedsStillBootAndInterleaveDifferently() {
        List<String> summaries = new ArrayList<>();
        for (String seed : List.of("1", "2", "3")) {
            Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", "4", "--schedule", "random", "--seed", seed, "--quantum", "20");
            assertEquals(0, o.status(), o::toString);
            for (int i = 1; i < 4; i++) assertTrue(o.out().contains("cpu" + i + ": hatched"), o.out());
            summaries.add(o.out().substring(o.out().indexOf("tk86: powered off")));
        }
        assertTrue(summaries.stream().distinct().count() > 1, "three seeds gave the same run:\n" + summaries);
    }

    @Test
    void pctSeedsBootEveryCpuAndInterleaveDifferently() {
        List<String> summaries = new ArrayList<>();
        for (String seed : List.of("1", "2", "3")) {
            Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", "4", "--schedule", "pct", "--pct-depth", "3",
                    "--pct-horizon", "200000", "--seed", seed, "--quantum", "20");
            assertEquals(0, o.status(), o::toString);
            for (int i = 1; i < 4; i++) assertTrue(o.out().contains("cpu" + i + ": hatched"), o.out());
            summaries.add(o.out().substring(o.out().indexOf("tk86: powered off")));
        }
        assertTrue(summaries.stream().distinct().count() > 1, "three seeds gave the same run:\n" + summaries);
    }

    @Test
    void theCommandLineReachesTheKernel() {
        Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", "1", "--cmdline", "workload=none -v");
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().contains("\nboot args: workload=none -v\n"), o.out());
    }

    @Test
    void theGuestsExitStatusIsTheExitCode() {
        Path img = TestImages.patched("SMOKE", "kern/init_main.tk", "cpu_powerdown(0);", "\tcpu_powerdown(42);");
        Cli.Outcome o = Cli.run("boot", img.toString(), "--cpus", "2", "--json");
        assertEquals(42, o.status(), o::toString);
        assertEquals("42", ((JsonValue.JsonNumber) json(o).members().get("exit_status")).text());
    }

    @Test
    void aKernelPanicIsExitStatusThreeWithItsMessage() {
        Path img = TestImages.patched("SMOKE", "kern/init_main.tk", "pmap_bootstrap();", "\tpanic(\"smoke test %u\", 7);");
        Cli.Outcome o = Cli.run("boot", img.toString(), "--cpus", "2", "--json");
        assertEquals(3, o.status(), o::toString);
        JsonObject j = json(o);
        assertEquals("smoke test 7", ((JsonValue.JsonString) j.members().get("panic")).value());
        assertEquals(JsonValue.NULL, j.members().get("exit_status"));
        JsonObject report = (JsonObject) j.members().get("panic_report");
        assertEquals("smoke test 7", ((JsonValue.JsonString) report.get("message")).value());
        assertEquals("0", ((JsonValue.JsonNumber) report.get("cpu")).text());
        JsonValue.JsonArray bt = (JsonValue.JsonArray) report.get("backtrace");
        JsonObject top = (JsonObject) bt.elements().get(0), bottom = (JsonObject) bt.elements().get(bt.elements().size() - 1);
        assertEquals("main", ((JsonValue.JsonString) top.get("function")).value());
        assertEquals("kern/init_main.tk", ((JsonValue.JsonString) top.get("file")).value());
        assertEquals("start", ((JsonValue.JsonString) bottom.get("function")).value());
        assertEquals(JsonValue.NULL, bottom.get("file"), "start is x86: a symbol and offset, no file");
        assertTrue(console(j).contains("panic: smoke test 7"), o.out());
    }

    @Test
    void aFaultInTklReachesTheKernelsTrapHandlerThroughTheIdt() {
        // After pmap_bootstrap the identity map is gone: nothing is mapped at 0x7ff000000000.
        Path img = TestImages.patched("SMOKE", "kern/init_main.tk", "cpu_boot_secondary_processors();",
                "\tlet bad = 0x7ff000000000 as *u64; *bad = 1;");
        Cli.Outcome o = Cli.run("boot", img.toString(), "--cpus", "1");
        assertEquals(3, o.status(), o::toString);
        assertTrue(o.out().contains("\nfatal page fault (trap 14) in supervisor mode\n"), o.out());
        assertTrue(o.out().contains(" code 0x2 rip 0xffffffff80"), o.out());   // a write to a page that is not present
        assertTrue(o.out().contains(" cr2 0x7ff000000000\n"), o.out());
        assertTrue(o.out().contains("\ntk86: kernel panic: trap type 14, code=0x2, pc=0xffffffff80"), o.out());
        // the backtrace goes from trap() through locore's alltraps to the TKL statement that faulted
        assertTrue(o.out().matches("(?s).*\n    #0  trap\\(frame=0x[0-9a-f]+( <[^>]+>)?\\) at arch/amd64/amd64/trap.tk:\\d+\n    #1  alltraps\\+0x[0-9a-f]+\n"
                + "    #2  main\\(bip=\\d+\\) at kern/init_main.tk:\\d+\n    #3  start\\+0x[0-9a-f]+\n.*"), o.out());
    }

    @Test
    void aFaultBeforeTheIdtIsATripleFault() {
        Path img = TestImages.patched("SMOKE", "arch/amd64/amd64/locore.S", "call\tidt_init", "\tud2");
        Cli.Outcome o = Cli.run("boot", img.toString(), "--cpus", "1");
        assertEquals(4, o.status(), o::toString);
        assertTrue(o.out().contains("tk86: triple fault: cpu0 "), o.out());
    }

    @Test
    void aHaltedMachineIsAHang() {
        Path img = TestImages.patched("SMOKE", "arch/amd64/amd64/locore.S", "call\tmain", "\tjmp\thalt_forever");
        Cli.Outcome o = Cli.run("boot", img.toString(), "--cpus", "2");
        assertEquals(6, o.status(), o::toString);
        assertTrue(o.out().contains("tk86: hang: no CPU can run: cpu0 halted with interrupts off"), o.out());
    }

    @Test
    void theStepLimitIsExitStatusFive() {
        Cli.Outcome o = Cli.run("boot", smoke(), "--max-steps", "1000", "--json");
        assertEquals(5, o.status(), o::toString);
        assertEquals("step_limit", ((JsonValue.JsonString) json(o).members().get("stop")).value());
    }

    @Test
    void aFileThatIsNotAnImageIsAnImageError() throws Exception {
        Path junk = Files.writeString(tmp.resolve("junk.elf"), "not an ELF file");
        Cli.Outcome o = Cli.run("boot", junk.toString());
        assertEquals(2, o.status(), o::toString);
        assertTrue(o.err().startsWith("tk86: " + junk + ": "), o.err());
        assertEquals(1, o.err().strip().lines().count(), o.err());
        Cli.Outcome missing = Cli.run("boot", tmp.resolve("none.elf").toString());
        assertEquals("tk86: " + tmp.resolve("none.elf") + ": cannot read the image: no such file\n", missing.err());
        assertEquals(2, missing.status());
    }

    @Test
    void badOptionsAreBadInput() {
        for (String[] args : List.of(new String[] {"--cpus", "0"}, new String[] {"--cpus", "65"}, new String[] {"--memory", "lots"},
                new String[] {"--memory", "1M"}, new String[] {"--schedule", "fifo"}, new String[] {"--quantum", "0"})) {
            List<String> a = new ArrayList<>(List.of("boot", smoke()));
            a.addAll(List.of(args));
            Cli.Outcome o = Cli.run(a.toArray(String[]::new));
            assertEquals(2, o.status(), String.join(" ", args) + ": " + o);
            assertTrue(o.err().startsWith("tk86: "), o.err());
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }

    @Test
    void moreMemoryIsAMapOfMoreMemory() {
        Cli.Outcome o = Cli.run("boot", smoke(), "--cpus", "1", "--memory", "256M");
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().contains("real mem  = 268435456 (256MB)"), o.out());
        assertTrue(o.out().contains("pmap: direct map of 256 MB"), o.out());
    }

    @Test
    void theHelpListsTheBootExitStatuses() {
        Cli.Outcome o = Cli.run("boot", "--help");
        assertEquals(0, o.status());
        for (String line : List.of("0..255", "     " + BootExitCodes.IMAGE + "   bad options", "     " + BootExitCodes.PANIC + "   the kernel panicked",
                "     " + BootExitCodes.TRIPLE_FAULT + "   a CPU shut down with a triple fault", "     " + BootExitCodes.STEP_LIMIT + "   the step limit",
                "     " + BootExitCodes.HANG + "   every CPU halted", "     " + BootExitCodes.NO_DEFAULT_IMAGE + "   no IMAGE given"))
            assertTrue(o.out().contains(line), line + " not in\n" + o.out());
        assertNotEquals(-1, o.out().indexOf("--schedule"));
    }
}
