package dev.tk86.kernel.testing;

import dev.tk86.isa.mem.PhysicalMemory;

/**
 * IA-32e page tables for the runtime tests (SDM Vol. 3A, 4.5), from a bump allocator; the
 * idea of the isa module's PageTableBuilder, which another module's tests cannot use.
 */
public final class PageTables {
    public static final long P = 1, RW = 1 << 1, PS = 1 << 7, XD = 1L << 63;
    private static final long ADDR = 0x000F_FFFF_FFFF_F000L;

    private final PhysicalMemory mem;
    private long next;
    private final long end;
    public final long pml4;

    public PageTables(PhysicalMemory mem, long start, long end) {
        this.mem = mem;
        this.next = start;
        this.end = end;
        this.pml4 = alloc();
    }

    private long alloc() {
        if (next >= end) throw new IllegalStateException("test page tables overflow");
        long p = next;
        next += 4096;
        mem.load(p, new byte[4096], 0, 4096);
        return p;
    }

    /** Physical address of the entry for {@code va} at {@code level} (1 = PTE), creating the tables above it. */
    public long entry(long va, int level) {
        long table = pml4;
        for (int l = 4; l > level; l--) {
            long ea = table + (((va >>> (12 + 9 * (l - 1))) & 0x1FF) << 3);
            long e = mem.read(ea, 8);
            if ((e & P) == 0) {
                e = alloc() | P | RW;
                mem.write(ea, 8, e);
            }
            table = e & ADDR;
        }
        return table + (((va >>> (12 + 9 * (level - 1))) & 0x1FF) << 3);
    }

    public void map4k(long va, long pa, long flags) { mem.write(entry(va, 1), 8, pa | flags | P); }

    public void map2m(long va, long pa, long flags) { mem.write(entry(va, 2), 8, pa | flags | P | PS); }
}
