package dev.tk86.loader.load;

import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.ProgramHeader;

/**
 * Copies each PT_LOAD segment to physical memory at p_paddr: p_filesz bytes from p_offset,
 * then zeros up to p_memsz (the .bss part), as the gABI's "Program Loading" describes. The
 * ranges were checked to lie in RAM and outside the boot loader's first MiB.
 */
public final class SegmentLoader {
    private SegmentLoader() { }

    public static void load(ElfImage image, PhysicalMemory mem) {
        for (ProgramHeader p : image.loadSegments()) {
            if (p.memsz() == 0) continue;
            mem.load(p.paddr(), image.bytes(), (int) p.offset(), (int) p.filesz());
            zero(mem, p.paddr() + p.filesz(), p.memsz() - p.filesz());
        }
    }

    /**
     * Zeros [pa, pa + len). Frames never touched already read as zero, and stay unallocated so
     * that a large .bss costs no host memory until the kernel uses it.
     */
    private static void zero(PhysicalMemory mem, long pa, long len) {
        long end = pa + len;
        while (pa < end) {
            long frameEnd = Math.min(end, (pa | PhysicalMemory.PAGE_MASK) + 1);
            if (mem.isAllocated(pa >>> PhysicalMemory.PAGE_SHIFT)) {
                byte[] zeros = new byte[(int) (frameEnd - pa)];
                mem.load(pa, zeros, 0, zeros.length);
            }
            pa = frameEnd;
        }
    }
}
