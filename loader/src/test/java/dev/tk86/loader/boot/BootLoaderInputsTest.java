package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad inputs other than the image's bytes: the path, the command line, the memory size. */
class BootLoaderInputsTest {
    private static String refused(Path p, MachineConfig c, String cmdline) {
        return assertThrows(ImageException.class, () -> BootLoader.boot(p, c, cmdline, null)).getMessage();
    }

    @Test
    void bootsFromAFile() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.hello(), Boots.config(1), null, null);
        assertEquals("", b.bootInfo().commandLine(), "a null command line is empty");
    }

    @Test
    void missingFile(@TempDir Path dir) {
        assertEquals("cannot read the image: no such file", refused(dir.resolve("nope"), Boots.config(1), ""));
    }

    @Test
    void directoryInsteadOfAFile(@TempDir Path dir) {
        assertEquals("cannot read the image: it is a directory", refused(dir, Boots.config(1), ""));
    }

    @Test
    void commandLineLongerThanItsPage() {
        assertEquals("command line: 4096 bytes, longer than the 4095 the boot protocol allows",
                refused(TestKernels.hello(), Boots.config(1), "x".repeat(4096)));
    }

    @Test
    void commandLineAtItsLimitFits() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.hello(), Boots.config(1), "y".repeat(4095), null);
        assertEquals(0L, b.machine().memory().read(0x11000 + 4095, 1), "the NUL ends the page");
    }

    @Test
    void commandLineWithANul() {
        assertEquals("command line: contains a NUL character, which would end it early",
                refused(TestKernels.hello(), Boots.config(1), "a\0b"));
    }

    @Test
    void memoryTooSmallForTheBootProtocol() {
        assertEquals("memory: 0x100000 bytes is less than the 2 MiB the boot protocol needs",
                refused(TestKernels.hello(), Boots.config(1).withMemory(1 << 20), ""));
    }
}
