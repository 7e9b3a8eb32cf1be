package dev.tk86.images.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.images.support.TestBuilds;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4, "Tests": the images the build produces are ordinary ELF64 kernels to binutils and
 * gdb: readelf -a and objdump -d accept every one, and gdb lists the TKL functions and the
 * locore entry points from the symbol table.
 */
class ImageToolsAcceptImagesTest {
    static Stream<String> configs() { return TestBuilds.defaultConfigs().stream(); }

    private static String image(String config) { return TestBuilds.image(config).image().toString(); }

    @ParameterizedTest
    @MethodSource("configs")
    void readelfAcceptsTheImageAndSeesAHighHalfKernel(String config) {
        TestBuilds.Output r = TestBuilds.run(List.of("readelf", "-a", "-W", image(config)));
        assertEquals(0, r.status(), r.out());
        assertFalse(r.out().contains("Error") || r.out().contains("Warning"), r.out());
        assertTrue(r.out().contains("ELF64") && r.out().contains("EXEC (Executable file)")
                && r.out().contains("Advanced Micro Devices X86-64"), r.out());
        for (String section : List.of(".text", ".text.tkl", ".rodata", ".data", ".bss", ".tkl", ".symtab", ".strtab"))
            assertTrue(Pattern.compile("\\] " + Pattern.quote(section) + "\\s").matcher(r.out()).find(), section + " missing:\n" + r.out());
        // Every PT_LOAD is linked at KERNBASE + its physical address, and loaded at or above 1 MiB.
        Matcher m = Pattern.compile("LOAD\\s+0x\\p{XDigit}+ 0x(\\p{XDigit}+) 0x(\\p{XDigit}+)").matcher(r.out());
        int loads = 0;
        while (m.find()) {
            long va = Long.parseUnsignedLong(m.group(1), 16), pa = Long.parseUnsignedLong(m.group(2), 16);
            assertEquals(0xffffffff80000000L + pa, va, m.group());
            assertTrue(pa >= 0x100000, m.group());
            loads++;
        }
        assertEquals(3, loads, r.out());
        assertTrue(r.out().contains("Entry point address:               0xffffffff80"), r.out());
    }

    @ParameterizedTest
    @MethodSource("configs")
    void objdumpDisassemblesTheImage(String config) {
        TestBuilds.Output r = TestBuilds.run(List.of("objdump", "-d", image(config)));
        assertEquals(0, r.status(), r.out());
        assertFalse(r.out().contains("Error") || r.out().contains("warning"), r.out());
        assertTrue(r.out().contains("<start>:") && r.out().contains("<alltraps>:") && r.out().contains("<cpu_spinup_entry>:"), r.out());
        assertTrue(r.out().contains("wrmsr") && r.out().contains("iretq") && r.out().contains("lidt"), r.out());
    }

    /**
     * TKL functions are symbols of .text.tkl ("Non-debugging symbols: ADDRESS NAME"); locore's
     * entry points also have line tables (as -g), so gdb lists them under their source file.
     */
    @ParameterizedTest
    @MethodSource("configs")
    void gdbListsTheTklFunctionsAndTheLocoreEntryPoints(String config) {
        TestBuilds.Output r = TestBuilds.run(List.of("gdb", "-nx", "-batch", "-ex", "info functions", image(config)));
        assertEquals(0, r.status(), r.out());
        for (String f : List.of("main", "cpu_hatch", "pmap_bootstrap", "cpu_boot_secondary_processors", "trap", "identifycpu"))
            assertTrue(Pattern.compile("(?m)^0xffffffff80\\p{XDigit}+\\s+" + Pattern.quote(f) + "$").matcher(r.out()).find(),
                    "gdb does not list TKL function " + f + ":\n" + r.out());
        int locore = r.out().indexOf("File arch/amd64/amd64/locore.S:");
        assertTrue(locore >= 0, r.out());
        for (String f : List.of("start", "cpu_spinup_entry", "alltraps", "Xtrap14", "rdmsr", "cpuid"))
            assertTrue(Pattern.compile("(?m)^\\s*(\\d+:\\s*)?void " + Pattern.quote(f) + "\\(void\\);$").matcher(r.out().substring(locore)).find(),
                    "gdb does not list locore's " + f + ":\n" + r.out());
        assertTrue(r.out().contains("File arch/amd64/amd64/mptramp.S:"), r.out());
    }

    @Test
    void gdbMapsLocoreAddressesToSourceLines() {
        TestBuilds.Output r = TestBuilds.run(List.of("gdb", "-nx", "-batch", "-ex", "info line start", "-ex", "info line *alltraps",
                image("GENERIC")));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().matches("(?s)Line \\d+ of \"arch/amd64/amd64/locore.S\" starts at address 0xffffffff80100000 <start>.*"), r.out());
        assertTrue(r.out().contains("of \"arch/amd64/amd64/locore.S\" starts at address"), r.out());
    }

    @Test
    void gdbSeesTklGlobalsWithTheirAddresses() {
        TestBuilds.Output r = TestBuilds.run(List.of("gdb", "-nx", "-batch", "-ex", "info variables cpu", image("GENERIC")));
        assertEquals(0, r.status(), r.out());
        assertTrue(r.out().contains("cpu_info_store") && r.out().contains("cpus_hatched"), r.out());
    }

    @Test
    void theImageIsWrittenWhereAsked() {
        Path p = TestBuilds.image("SMOKE").image();
        assertTrue(p.toString().endsWith("SMOKE.elf"), p.toString());
        assertTrue(p.toFile().length() == TestBuilds.image("SMOKE").bytes());
    }
}
