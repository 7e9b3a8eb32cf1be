package dev.tk86.isa.mmu;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.mem.PhysicalMemory;

/**
 * Builds IA-32e page tables in physical memory for tests, the way a kernel would: tables are
 * taken from a bump allocator, entries written as the SDM lays them out (Vol. 3A, 4.5,
 * Figure 4-11). It also hands out entry addresses so a test can change a PTE behind the
 * TLB's back.
 */
public final class PageTableBuilder {
    public static final long P = PageWalker.P, RW = PageWalker.RW, US = PageWalker.US, PS = PageWalker.PS,
            G = PageWalker.G, XD = PageWalker.XD, A = PageWalker.A, D = PageWalker.D;

    private final PhysicalMemory mem;
    private long next;
    private final long pml4;

    public PageTableBuilder(PhysicalMemory mem, long tableArea) {
        this.mem = mem;
        this.next = tableArea;
        this.pml4 = alloc();
    }

    public long pml4() { return pml4; }

    private long alloc() {
        long p = next;
        next += 4096;
        for (int i = 0; i < 4096; i += 8) mem.write(p + i, 8, 0);
        return p;
    }

    /** Address of the entry for {@code va} at {@code level} (4 = PML4E ... 1 = PTE), creating tables above it. */
    public long entryAddress(long va, int level) {
        long table = pml4;
        for (int l = 4; l > level; l--) {
            long ea = table + (((va >>> (12 + 9 * (l - 1))) & 0x1FF) << 3);
            long e = mem.read(ea, 8);
            if ((e & P) == 0) {
                long t = alloc();
                e = t | P | RW | US;   // intermediate levels permissive: tests restrict at the level they study
                mem.write(ea, 8, e);
            }
            table = e & 0x000F_FFFF_FFFF_F000L;
        }
        return table + (((va >>> (12 + 9 * (level - 1))) & 0x1FF) << 3);
    }

    public PageTableBuilder map4k(long va, long pa, long flags) {
        mem.write(entryAddress(va, 1), 8, pa | flags);
        return this;
    }

    public PageTableBuilder map2m(long va, long pa, long flags) {
        mem.write(entryAddress(va, 2), 8, pa | flags | PS);
        return this;
    }

    public PageTableBuilder map1g(long va, long pa, long flags) {
        mem.write(entryAddress(va, 3), 8, pa | flags | PS);
        return this;
    }

    public long entry(long va, int level) { return mem.read(entryAddress(va, level), 8); }

    public void setEntry(long va, int level, long value) { mem.write(entryAddress(va, level), 8, value); }

    /** Puts {@code cpu} in IA-32e mode with paging on this table: CR0.PG|PE|WP, CR4.PAE|PGE, EFER.LME|LMA|NXE. */
    public void activate(Cpu cpu) {
        cpu.writeEfer(Cr.EFER_LME | Cr.EFER_LMA | Cr.EFER_NXE);
        cpu.writeCr4(Cr.CR4_PAE | Cr.CR4_PGE);
        cpu.writeCr3(pml4);
        cpu.writeCr0(Cr.CR0_PE | Cr.CR0_PG | Cr.CR0_WP | Cr.CR0_ET | Cr.CR0_NE);
    }
}
