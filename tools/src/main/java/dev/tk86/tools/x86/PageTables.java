package dev.tk86.tools.x86;

import dev.tk86.isa.mem.PhysicalMemory;

/**
 * Builds IA-32e 4-level page tables (SDM Vol. 3A, 4.5) in guest physical memory, taking table
 * frames from a pool. Intermediate entries are present, writable and user (rights are decided at the
 * leaves); leaves get the flags the caller asks for.
 */
public final class PageTables {
    public static final long P = 1, RW = 1 << 1, US = 1 << 2, PS = 1 << 7, G = 1 << 8;
    private static final long ADDR = 0x000F_FFFF_FFFF_F000L;

    private final PhysicalMemory mem;
    private final long poolEnd;
    private long next;
    private final long pml4;

    /** Tables are taken from physical {@code [poolStart, poolEnd)}, 4 KiB aligned. */
    public PageTables(PhysicalMemory mem, long poolStart, long poolEnd) {
        if ((poolStart & 0xFFF) != 0) throw new IllegalArgumentException("pool must be page aligned");
        this.mem = mem;
        this.next = poolStart;
        this.poolEnd = poolEnd;
        this.pml4 = allocate();
    }

    /** Physical address of the PML4: the value for CR3. */
    public long pml4() { return pml4; }

    public void map4k(long va, long pa, long flags) {
        long pt = table(table(table(pml4, va, 39), va, 30), va, 21);
        mem.write(pt + index(va, 12) * 8, 8, (pa & ADDR) | flags | P);
    }

    public void map2m(long va, long pa, long flags) {
        if (((va | pa) & 0x1F_FFFF) != 0) throw new IllegalArgumentException("2 MiB mapping not 2 MiB aligned");
        long pd = table(table(pml4, va, 39), va, 30);
        mem.write(pd + index(va, 21) * 8, 8, (pa & ADDR) | flags | PS | P);
    }

    /** A second PML4 with the same entries: another address space mapping the same memory. */
    public long clonePml4() {
        long copy = allocate();
        for (int i = 0; i < 512; i++) mem.write(copy + i * 8L, 8, mem.read(pml4 + i * 8L, 8));
        return copy;
    }

    private long table(long parent, long va, int shift) {
        long slot = parent + index(va, shift) * 8;
        long e = mem.read(slot, 8);
        if ((e & P) != 0) return e & ADDR;
        long t = allocate();
        mem.write(slot, 8, t | P | RW | US);
        return t;
    }

    private static long index(long va, int shift) { return (va >>> shift) & 0x1FF; }

    private long allocate() {
        if (next + PhysicalMemory.PAGE_SIZE > poolEnd)
            throw new IllegalStateException("page-table pool exhausted at 0x" + Long.toHexString(next));
        long t = next;
        next += PhysicalMemory.PAGE_SIZE;
        mem.load(t, new byte[PhysicalMemory.PAGE_SIZE], 0, PhysicalMemory.PAGE_SIZE);
        return t;
    }
}
