package dev.tk86.loader.elf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.loader.support.TestKernels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 4: "readelf -a and objdump -d accept every image". The images the loader boots are
 * ordinary ELF files to binutils: no errors, no warnings, symbols and code where expected.
 * binutils are required; a missing tool fails the test.
 */
class BinutilsAcceptImagesTest {
    private static void accepted(Path image, String... expectedInObjdump) {
        String readelf = TestKernels.run(List.of("readelf", "-a", "-W", image.toString()));
        assertFalse(readelf.contains("Error") || readelf.contains("Warning"), readelf);
        assertTrue(readelf.contains("Advanced Micro Devices X86-64"), readelf);
        assertTrue(readelf.contains("EXEC (Executable file)"), readelf);
        assertTrue(readelf.contains("Symbol table '.symtab'"), readelf);
        String objdump = TestKernels.run(List.of("objdump", "-d", image.toString()));
        assertFalse(objdump.contains("Error") || objdump.contains("Warning"), objdump);
        for (String s : expectedInObjdump) assertTrue(objdump.contains(s), "objdump -d shows " + s + "\n" + objdump);
    }

    @Test
    void helloKernel() {
        accepted(TestKernels.hello(), "ffffffff80100000 <start>:", "<puts>:");
    }

    @Test
    void kernelWithTklSections() {
        accepted(TestKernels.withTkl(), "<start>:", "Disassembly of section .text.tkl:", "<tkl_main>:");
    }

    @Test
    void smpKernel() {
        accepted(TestKernels.smp(), "<start>:", "<ap_entry>:", "wrmsr");
    }

    @Test
    void identityLinkedKernel() {
        accepted(TestKernels.helloIdentity(), "0000000000100000 <start>:");
    }
}
