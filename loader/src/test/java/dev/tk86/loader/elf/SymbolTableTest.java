package dev.tk86.loader.elf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import dev.tk86.loader.validate.ImageReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The symbol table as the debugger and the TKL runtime use it: by name and by address. */
class SymbolTableTest {
    private static SymbolTable symbols() throws ImageException {
        return ImageReader.read(TestKernels.bytes(TestKernels.hello()), Boots.RAM).symbols();
    }

    @Test
    void everySymbolOfTheFileIsKeptInOrder() throws ImageException {
        SymbolTable t = symbols();
        assertEquals(12, t.size(), "readelf -s counts 12 entries, the null symbol included");
        assertEquals("", t.all().get(0).name());
        assertEquals(0, t.all().get(0).index());
    }

    @Test
    void lookupByName() throws ImageException {
        Symbol start = symbols().lookup("start").orElseThrow();
        assertEquals(0xffffffff80100000L, start.value());
        assertTrue(start.isFunction() && start.isGlobal());
        assertEquals(8L, symbols().lookup("bootinfo").orElseThrow().size());
        assertTrue(symbols().lookup("no_such_symbol").isEmpty());
    }

    @Test
    void lookupByAddressFindsTheEnclosingSymbol() throws ImageException {
        SymbolTable t = symbols();
        Symbol puts = t.lookup("puts").orElseThrow();
        assertEquals("puts", t.containing(puts.value() + 3).orElseThrow().name());
        assertEquals("start", t.containing(0xffffffff80100000L).orElseThrow().name());
        assertTrue(t.containing(0x1000).isEmpty());
    }

    @Test
    void sectionsAreNamed() throws ImageException {
        ElfImage i = ImageReader.read(TestKernels.bytes(TestKernels.hello()), Boots.RAM);
        assertEquals(List.of("", ".text", ".rodata", ".data", ".bss", ".symtab", ".strtab", ".shstrtab"),
                i.sections().stream().map(SectionHeader::name).toList());
        assertEquals(3, i.loadSegments().size());
    }
}
