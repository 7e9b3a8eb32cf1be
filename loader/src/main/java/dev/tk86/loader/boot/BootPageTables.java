package dev.tk86.loader.boot;

import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ProgramHeader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the boot page tables (IA-32e paging, SDM Vol. 3A, 4.5) in the boot area, PML4 first,
 * each further table taking the next free page:
 * <ul>
 * <li>an identity map of [0, {@link BootLayout#identityEnd}) with 2 MiB pages, P|RW,
 *     executable, not global (so one CR3 load drops it once the kernel has its own tables);</li>
 * <li>every page of every PT_LOAD segment linked outside the identity map, at p_vaddr, onto
 *     its frame at p_paddr, with 4 KiB pages: P|G, RW if PF_W, XD unless PF_X (a page shared
 *     by two segments gets the union of their rights).</li>
 * </ul>
 * Tables above the leaves are P|RW with no XD, so the leaves alone decide the rights.
 */
public final class BootPageTables {
    static final long P = 1, RW = 1 << 1, PS = 1 << 7, G = 1 << 8, XD = 1L << 63;
    static final long ADDR = 0x000F_FFFF_FFFF_F000L;
    private static final long PAGE_2M = 2L << 20;

    private final PhysicalMemory mem;
    private long next = BootLayout.TABLES_START;
    private final long pml4;

    private BootPageTables(PhysicalMemory mem) throws ImageException {
        this.mem = mem;
        this.pml4 = allocate();
    }

    /** Builds the tables; returns the first byte after the last table. */
    public static long build(PhysicalMemory mem, long ram, List<ProgramHeader> loads) throws ImageException {
        BootPageTables t = new BootPageTables(mem);
        long idEnd = BootLayout.identityEnd(ram);
        for (long a = 0; a < idEnd; a += PAGE_2M) t.map(a, a, P | RW | PS, 2);
        for (Map.Entry<Long, long[]> e : kernelPages(loads, idEnd).entrySet())
            t.map(e.getKey(), e.getValue()[0], e.getValue()[1], 1);
        return t.next;
    }

    /** Virtual page -> {physical page, leaf flags} for the segments outside the identity map. */
    private static TreeMap<Long, long[]> kernelPages(List<ProgramHeader> loads, long idEnd) {
        TreeMap<Long, long[]> pages = new TreeMap<>(Long::compareUnsigned);
        for (ProgramHeader p : loads) {
            if (p.memsz() == 0 || (Long.compareUnsigned(p.vaddr(), idEnd) < 0 && p.vaddr() == p.paddr())) continue;
            long first = BootLayout.pageDown(p.vaddr()), last = BootLayout.pageDown(p.vaddr() + p.memsz() - 1);
            for (long va = first; ; va += BootLayout.PAGE) {
                long[] cur = pages.computeIfAbsent(va, k -> new long[] {p.physicalOf(k), P | G | XD});
                if (p.writable()) cur[1] |= RW;
                if (p.executable()) cur[1] &= ~XD;
                if (va == last) break;
            }
        }
        return pages;
    }

    /** Maps one page at {@code level} (1 = 4 KiB PTE, 2 = 2 MiB PDE), creating tables above it. */
    private void map(long va, long pa, long flags, int level) throws ImageException {
        long table = pml4;
        for (int l = 4; l > level; l--) {
            long slot = table + (((va >>> (12 + 9 * (l - 1))) & 0x1FF) << 3);
            long e = mem.read(slot, 8);
            if ((e & P) == 0) {
                e = allocate() | P | RW;
                mem.write(slot, 8, e);
            } else if ((e & PS) != 0) {
                throw new IllegalStateException(String.format("boot page tables: 0x%x is already in a large page", va));
            }
            table = e & ADDR;
        }
        mem.write(table + (((va >>> (12 + 9 * (level - 1))) & 0x1FF) << 3), 8, pa | flags);
    }

    private long allocate() throws ImageException {
        if (next >= BootLayout.TABLES_END)
            throw ImageException.of("boot page tables do not fit in 0x%x-0x%x of the boot area"
                    + " (the identity map takes one page per GiB of RAM; use less memory)",
                    BootLayout.TABLES_START, BootLayout.TABLES_END);
        long page = next;
        next += BootLayout.PAGE;
        // Fresh machines have zero frames, but clear explicitly: tables must start empty.
        mem.load(page, new byte[BootLayout.PAGE_INT], 0, BootLayout.PAGE_INT);
        return page;
    }
}
