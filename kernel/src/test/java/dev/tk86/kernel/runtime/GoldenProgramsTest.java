package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.testing.TestElf;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The golden programs of src/test/resources/tklrt/golden, built into images with the stub,
 * GNU as and ld, run on the emulated CPU with paging on; each one's console output must be
 * its .out file and its main's result the value stated. The same programs' struct layouts
 * are compared with gcc's in layout.GoldenLayoutsAgainstGccTest.
 */
class GoldenProgramsTest {
    static TklMachine run(String name, String... asm) {
        TklImage.Builder b = TklImage.of(name + ".tk", TklImage.resource("golden/" + name + ".tk"));
        for (String a : asm) b.asm(TklImage.resource("golden/" + a));
        return new TklMachine(b.build());
    }

    static String expected(String name) { return TklImage.resource("golden/" + name + ".out"); }

    @Test
    void pointersAndStructs() {
        TklMachine m = run("structs");
        assertEquals(905, m.runMain());
        assertEquals(expected("structs"), m.console());
        long nodes = m.symbol("nodes");
        assertEquals(nodes + 48, m.global("head", 8), "head was moved to the second node");
        var box = m.image.program.struct("box").orElseThrow();
        long items3 = m.symbol("boxes") + box.size() + box.field("items").orElseThrow().offset() + 12;
        assertEquals(0xdeadbef0L, m.read(items3, 4), "boxes[1].items[3] in memory");
    }

    @Test
    void loopsBreakAndContinue() {
        TklMachine m = run("loops");
        assertEquals(119, m.runMain());
        assertEquals(expected("loops"), m.console());
    }

    @Test
    void recursion() {
        TklMachine m = run("recursion");
        assertEquals(147, m.runMain());
        assertEquals(expected("recursion"), m.console());
    }

    @Test
    void functionPointersBetweenTklAndX86() {
        TklMachine m = run("fnptr", "fnptr.s");
        assertEquals(23, m.runMain());
        assertEquals(expected("fnptr"), m.console());
    }

    @Test
    void stringsAndEveryPrintfConversion() {
        TklMachine m = run("printf");
        assertEquals(12, m.runMain());
        String hello = String.format("%016x", m.global("greeting", 8));
        assertEquals(expected("printf").replace("{GREETING}", hello), m.console());
    }

    @Test
    void optionsSelectDifferentKernelsFromOneSource() {
        String src = TklImage.resource("golden/options.tk");
        Set<String> known = Set.of("DIAGNOSTIC", "REAPER");
        TklMachine diag = new TklMachine(TklImage.of("options.tk", src).options(known, Set.of("DIAGNOSTIC", "REAPER")).build());
        assertEquals(27, diag.runMain());
        assertEquals("reaper size 24 checked 3\n", diag.console());
        TklMachine plain = new TklMachine(TklImage.of("options.tk", src).options(known, Set.of()).build());
        assertEquals(8, plain.runMain());
        assertEquals("direct size 8 checked 0\n", plain.console());
        assertTrue(diag.image.elf.symbols.containsKey("check"));
        assertTrue(!plain.image.elf.symbols.containsKey("check"), "a function under #[if(option(DIAGNOSTIC))] is not in the plain kernel");
    }

    @Test
    void globalsInDataAndBssSharedWithX86() {
        TklMachine m = run("globals", "globals.s");
        TestElf elf = m.image.elf;
        TestElf.Section data = elf.sections.get(".data"), bss = elf.sections.get(".bss");
        assertEquals(40, m.global("counter", 8), "initial value before the run");
        assertTrue(inside(data, elf.symbol("counter")) && inside(data, elf.symbol("third")) && inside(data, elf.symbol("handler")));
        assertTrue(inside(bss, elf.symbol("words")) && inside(bss, elf.symbol("zeros")));
        assertEquals(elf.symbol("words").value() + 8, m.global("third", 8), "&words[2], relocated by ld");
        assertEquals(elf.symbol("twice").value(), m.global("handler", 8));
        assertEquals(48, elf.symbol("zeros").size());
        assertEquals(0, elf.symbol("zeros").value() % 8);
        assertEquals(42, m.runMain());
        assertEquals(expected("globals"), m.console());
        assertEquals(8, m.read(elf.symbol("words").value() + 12, 4), "words[3] written by TKL");
        assertEquals(1006, m.global("x86_word", 8));
    }

    private static boolean inside(TestElf.Section s, TestElf.Sym sym) {
        return sym.value() - s.addr() >= 0 && sym.value() + sym.size() - s.addr() <= s.size();
    }
}
