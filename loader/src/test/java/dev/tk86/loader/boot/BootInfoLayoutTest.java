package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import dev.tk86.loader.support.TklStub;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The boot-info structure, read back byte by byte at the offsets docs/boot.md ("Boot info")
 * documents, so the table there and the writer cannot drift apart.
 */
class BootInfoLayoutTest {
    private static final long BI = 0x10000;

    private static PhysicalMemory bootMemory(int cpus, String cmdline) throws ImageException {
        return BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(cpus), cmdline, null).machine().memory();
    }

    @Test
    void headerFieldsAtTheirDocumentedOffsets() throws ImageException {
        PhysicalMemory m = bootMemory(3, "workload=forkstorm cpus=3");
        assertArrayEquals("TK86BOOT".getBytes(StandardCharsets.US_ASCII), m.dump(BI, 8), "0x00 magic");
        assertEquals(0x544F4F4236384B54L, m.read(BI, 8));
        assertEquals(1L, m.read(BI + 0x08, 4), "0x08 version");
        assertEquals(0x80L, m.read(BI + 0x0C, 4), "0x0C size");
        assertEquals(3L, m.read(BI + 0x10, 4), "0x10 cpu_count");
        assertEquals(0L, m.read(BI + 0x14, 4), "0x14 bsp_apic_id");
        assertEquals(64L << 20, m.read(BI + 0x18, 8), "0x18 memory_size");
        assertEquals(0x100000L, m.read(BI + 0x20, 8), "0x20 kernel_phys_start");
        assertEquals(0x105000L, m.read(BI + 0x28, 8), "0x28 kernel_phys_end: .bss ends at 0x104008, rounded up");
        assertEquals(0x17000L, m.read(BI + 0x30, 8), "0x30 boot_pml4");
        assertEquals(0x1D000L, m.read(BI + 0x38, 8), "0x38 boot_tables_end");
        assertEquals(0x40000000L, m.read(BI + 0x40, 8), "0x40 identity_end");
        assertEquals(0x10000L, m.read(BI + 0x48, 8), "0x48 boot_area_start");
        assertEquals(0xA0000L, m.read(BI + 0x50, 8), "0x50 boot_area_end");
        assertEquals(0x17000L, m.read(BI + 0x58, 8), "0x58 boot_stack_top");
        assertEquals(0x10100L, m.read(BI + 0x60, 8), "0x60 mmap_addr");
        assertEquals(24L, m.read(BI + 0x6C, 4), "0x6C mmap_entry_size");
        assertEquals(0x11000L, m.read(BI + 0x70, 8), "0x70 cmdline_addr");
        assertEquals(25L, m.read(BI + 0x78, 4), "0x78 cmdline_len");
        assertEquals(0L, m.read(BI + 0x7C, 4), "0x7C flags: no TKL program");
    }

    @Test
    void commandLineIsNulTerminated() throws ImageException {
        PhysicalMemory m = bootMemory(1, "workload=forkstorm");
        byte[] expected = Arrays.copyOf("workload=forkstorm".getBytes(StandardCharsets.US_ASCII), 19);
        assertArrayEquals(expected, m.dump(0x11000, 19));
        PhysicalMemory empty = bootMemory(1, "");
        assertEquals(0L, empty.read(BI + 0x78, 4));
        assertEquals(0L, empty.read(0x11000, 1), "an empty command line is a lone NUL");
    }

    @Test
    void memoryMapCoversRamExactlyInOrder() throws ImageException {
        PhysicalMemory m = bootMemory(2, "");
        int n = (int) m.read(BI + 0x68, 4);
        long[][] expected = {
            {0x0, 0x1000, 2},            // page 0: reserved
            {0x1000, 0xF000, 1},         // free low memory (AP trampolines)
            {0x10000, 0x90000, 4},       // boot area
            {0xA0000, 0x60000, 1},       // free up to 1 MiB
            {0x100000, 0x5000, 3},       // the kernel
            {0x105000, (64L << 20) - 0x105000, 1},
        };
        assertEquals(expected.length, n, "mmap_count");
        long at = 0;
        for (int i = 0; i < n; i++) {
            long e = 0x10100 + 24L * i;
            long base = m.read(e, 8), len = m.read(e + 8, 8), type = m.read(e + 16, 4);
            assertEquals(at, base, "entry " + i + " starts where the previous one ended");
            assertArrayEquals(expected[i], new long[] {base, len, type}, "entry " + i);
            assertEquals(0L, m.read(e + 20, 4), "entry " + i + " reserved field");
            at = base + len;
        }
        assertEquals(64L << 20, at, "the map ends at the end of RAM");
    }

    @Test
    void flagsSayWhenTheLoaderBoundATklProgram() throws ImageException {
        PhysicalMemory m = BootLoader.boot(TestKernels.bytes(TestKernels.withTkl()), Boots.config(1), "", new TklStub())
                .machine().memory();
        assertEquals(1L, m.read(BI + 0x7C, 4));
    }

    @Test
    void bootingTheSameImageTwiceWritesTheSameBootArea() throws ImageException {
        byte[] a = bootMemory(2, "x=1").dump(0x10000, 0x90000);
        byte[] b = bootMemory(2, "x=1").dump(0x10000, 0x90000);
        assertArrayEquals(a, b);
    }
}
