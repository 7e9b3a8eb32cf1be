package dev.tk86.loader.validate;

import static dev.tk86.loader.elf.Elf.hex;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLayout;
import dev.tk86.loader.elf.Elf;
import dev.tk86.loader.elf.FileBytes;
import dev.tk86.loader.elf.ProgramHeader;
import java.util.List;

/**
 * Checks of the program headers (gABI "Program Header"): each PT_LOAD must be well formed,
 * inside the file, canonical, inside RAM and out of the boot loader's first MiB; no two may
 * overlap in virtual or physical memory; and the image must be statically linked.
 */
final class SegmentRules {
    private SegmentRules() { }

    static void check(List<ProgramHeader> phdrs, long fileSize, long ramBytes) throws ImageException {
        for (ProgramHeader p : phdrs) {
            if (p.type() == Elf.PT_INTERP || p.type() == Elf.PT_DYNAMIC)
                throw ImageException.of("program header %d: %s; a kernel image must be statically linked",
                        p.index(), Elf.segmentTypeName(p.type()));
        }
        List<ProgramHeader> loads = phdrs.stream().filter(ProgramHeader::isLoad).toList();
        if (loads.isEmpty())
            throw ImageException.of("no PT_LOAD program header: the image has nothing to load");
        if (loads.size() > BootLayout.MAX_LOAD_SEGMENTS)
            throw ImageException.of("%d PT_LOAD segments, more than the %d the boot loader supports",
                    loads.size(), BootLayout.MAX_LOAD_SEGMENTS);
        for (ProgramHeader p : loads) checkOne(p, fileSize, ramBytes);
        for (int i = 0; i < loads.size(); i++)
            for (int j = i + 1; j < loads.size(); j++) checkPair(loads.get(i), loads.get(j));
    }

    private static void checkOne(ProgramHeader p, long fileSize, long ram) throws ImageException {
        String at = "program header " + p.index();
        if (Long.compareUnsigned(p.filesz(), p.memsz()) > 0)
            throw ImageException.of("%s: p_filesz 0x%x exceeds p_memsz 0x%x", at, p.filesz(), p.memsz());
        if (!FileBytes.fits(p.offset(), p.filesz(), fileSize))
            throw ImageException.of("%s: p_offset+p_filesz %s exceeds the file size 0x%x",
                    at, FileBytes.end(p.offset(), p.filesz()), fileSize);
        if (p.memsz() == 0) return; // occupies nothing: no placement rule applies (ld emits these for empty PHDRS)
        if (p.align() != 0 && Long.bitCount(p.align()) != 1)
            throw ImageException.of("%s: p_align 0x%x is not a power of two", at, p.align());
        if (Long.compareUnsigned(p.align(), 1) > 0 && ((p.vaddr() - p.offset()) & (p.align() - 1)) != 0)
            throw ImageException.of("%s: p_vaddr 0x%x and p_offset 0x%x are not congruent modulo p_align 0x%x",
                    at, p.vaddr(), p.offset(), p.align());
        if (((p.vaddr() ^ p.paddr()) & (BootLayout.PAGE - 1)) != 0)
            throw ImageException.of("%s: p_vaddr 0x%x and p_paddr 0x%x have different offsets within a 4 KiB page",
                    at, p.vaddr(), p.paddr());
        long vLast = p.vaddr() + p.memsz() - 1;
        if (Long.compareUnsigned(vLast, p.vaddr()) < 0)
            throw ImageException.of("%s: p_vaddr 0x%x + p_memsz 0x%x wraps around the address space", at, p.vaddr(), p.memsz());
        if (!canonical(p.vaddr()) || !canonical(vLast) || (p.vaddr() < 0) != (vLast < 0))
            throw ImageException.of("%s: virtual range %s-%s is not canonical (x86-64 addresses sign-extend bit 47)",
                    at, hex(p.vaddr()), hex(vLast + 1));
        long pLast = p.paddr() + p.memsz() - 1;
        if (Long.compareUnsigned(pLast, p.paddr()) < 0 || Long.compareUnsigned(pLast, ram) >= 0)
            throw ImageException.of("%s: physical range %s-%s is outside RAM (0x%x bytes, 0x0-0x%x)",
                    at, hex(p.paddr()), FileBytes.end(p.paddr(), p.memsz()), ram, ram);
        if (Long.compareUnsigned(p.paddr(), BootLayout.LOW_MEMORY_END) < 0)
            throw ImageException.of("%s: physical range %s-%s collides with the boot loader's low memory 0x0-0x%x (see docs/boot.md)",
                    at, hex(p.paddr()), hex(pLast + 1), BootLayout.LOW_MEMORY_END);
        long idEnd = BootLayout.identityEnd(ram);
        if (Long.compareUnsigned(p.vaddr(), idEnd) < 0 && p.vaddr() != p.paddr())
            throw ImageException.of("%s: p_vaddr 0x%x lies in the boot identity map 0x0-0x%x, but p_paddr 0x%x differs;"
                    + " link the kernel at its physical address or outside the identity map", at, p.vaddr(), idEnd, p.paddr());
    }

    private static void checkPair(ProgramHeader a, ProgramHeader b) throws ImageException {
        if (a.memsz() == 0 || b.memsz() == 0) return;
        if (overlaps(a.vaddr(), a.memsz(), b.vaddr(), b.memsz()))
            throw ImageException.of("segments %d and %d overlap in virtual memory at 0x%x",
                    a.index(), b.index(), higher(a.vaddr(), b.vaddr()));
        if (overlaps(a.paddr(), a.memsz(), b.paddr(), b.memsz()))
            throw ImageException.of("segments %d and %d overlap in physical memory at 0x%x",
                    a.index(), b.index(), higher(a.paddr(), b.paddr()));
        // Two segments may share a virtual page only if they share its physical page too:
        // the boot page tables can map a page to one frame.
        long aFirst = BootLayout.pageDown(a.vaddr()), aLast = BootLayout.pageDown(a.vaddr() + a.memsz() - 1);
        long bFirst = BootLayout.pageDown(b.vaddr()), bLast = BootLayout.pageDown(b.vaddr() + b.memsz() - 1);
        for (long page : new long[] {aFirst, aLast}) {
            if (Long.compareUnsigned(page, bFirst) >= 0 && Long.compareUnsigned(page, bLast) <= 0) {
                // vaddr and paddr agree modulo the page size, so these are page aligned
                long pa = a.physicalOf(page), pb = b.physicalOf(page);
                if (pa != pb)
                    throw ImageException.of("segments %d and %d share virtual page 0x%x but put it at different physical pages 0x%x and 0x%x",
                            a.index(), b.index(), page, pa, pb);
            }
        }
    }

    /** Whether [a, a+n) and [b, b+m) intersect; both are non-empty and do not wrap. */
    private static boolean overlaps(long a, long n, long b, long m) {
        return Long.compareUnsigned(a, b + m - 1) <= 0 && Long.compareUnsigned(b, a + n - 1) <= 0;
    }

    /** The first address two intersecting ranges share: the higher of their starts. */
    private static long higher(long a, long b) { return Long.compareUnsigned(a, b) >= 0 ? a : b; }

    private static boolean canonical(long va) { return (va << 16 >> 16) == va; }
}
