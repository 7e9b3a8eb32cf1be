package dev.tk86.loader.boot;

import dev.tk86.loader.elf.ProgramHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * The boot memory map: sorted, non-overlapping, page-aligned entries that cover all of RAM
 * exactly. Kernel segments are rounded out to whole pages, and pages they share or that touch
 * are merged into one KERNEL entry; what lies between them is USABLE.
 */
public final class MemoryMap {
    private MemoryMap() { }

    public static List<MemoryRegion> build(long ram, List<ProgramHeader> loads) {
        List<long[]> kernel = new ArrayList<>();
        for (ProgramHeader p : loads)
            if (p.memsz() != 0) kernel.add(new long[] {BootLayout.pageDown(p.paddr()), BootLayout.pageUp(p.paddr() + p.memsz())});
        kernel.sort((a, b) -> Long.compare(a[0], b[0]));
        List<MemoryRegion> out = new ArrayList<>();
        out.add(new MemoryRegion(0, BootLayout.NULL_PAGE_END, MemoryType.RESERVED));
        out.add(new MemoryRegion(BootLayout.NULL_PAGE_END, BootLayout.BOOT_AREA_START - BootLayout.NULL_PAGE_END, MemoryType.USABLE));
        out.add(new MemoryRegion(BootLayout.BOOT_AREA_START, BootLayout.BOOT_AREA_END - BootLayout.BOOT_AREA_START, MemoryType.BOOT));
        long at = BootLayout.BOOT_AREA_END;
        long kStart = -1, kEnd = -1;
        for (long[] k : kernel) {
            if (kStart >= 0 && k[0] <= kEnd) { kEnd = Math.max(kEnd, k[1]); continue; }
            if (kStart >= 0) { at = add(out, at, kStart, kEnd); }
            kStart = k[0];
            kEnd = k[1];
        }
        if (kStart >= 0) at = add(out, at, kStart, kEnd);
        if (at < ram) out.add(new MemoryRegion(at, ram - at, MemoryType.USABLE));
        return out;
    }

    /** Adds the usable gap [at, start) if any, then the kernel range; returns its end. */
    private static long add(List<MemoryRegion> out, long at, long start, long end) {
        if (start > at) out.add(new MemoryRegion(at, start - at, MemoryType.USABLE));
        out.add(new MemoryRegion(start, end - start, MemoryType.KERNEL));
        return end;
    }
}
