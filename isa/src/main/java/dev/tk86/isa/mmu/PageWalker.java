package dev.tk86.isa.mmu;

import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.PfError;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.isa.tlb.TlbEntry;
import java.util.ArrayList;
import java.util.List;

/**
 * The 4-level page walk of IA-32e paging (SDM Vol. 3A, 4.5): PML4E, PDPTE (maybe a 1 GiB page),
 * PDE (maybe a 2 MiB page), PTE. It sets the accessed flag in every entry it uses and the dirty
 * flag in the leaf on a write (4.8), and faults with the architectural error code (4.7) when an
 * entry is not present or has a reserved bit set. Permission checks against the combined rights
 * are done by the caller, on the resulting TLB entry, so that cached and fresh translations are
 * checked by the same rule.
 *
 * <p>{@link #peek} is the same walk without its side effects, for debuggers, monitors and
 * tests: it writes no accessed or dirty flag, marks no frame as a paging structure, counts no
 * walk and never faults. Where the access would fault it answers null. There is one walk, so
 * a peek and a real access can never disagree about what is mapped.
 */
public final class PageWalker {
    public static final long P = 1, RW = 1 << 1, US = 1 << 2, PWT = 1 << 3, PCD = 1 << 4, A = 1 << 5,
            D = 1 << 6, PS = 1 << 7, G = 1 << 8, XD = 1L << 63;
    /** tk86's MAXPHYADDR (CPUID 80000008h reports 40): address bits above it are reserved. */
    public static final int MAXPHYADDR = 40;
    static final long ADDR_MASK = ((1L << MAXPHYADDR) - 1) & ~0xFFFL;
    static final long RESERVED_HIGH = ((1L << 52) - 1) & ~((1L << MAXPHYADDR) - 1);

    private final PhysicalMemory mem;
    public long walks;

    public PageWalker(PhysicalMemory mem) { this.mem = mem; }

    public void addCounters(dev.tk86.isa.machine.Counters c) { c.add("page_walks", walks); }

    public void resetCounters() { walks = 0; }

    /** Reads a paging-structure entry and marks its frame as holding paging structures. */
    private long readEntry(long entryAddr) {
        byte[] f = mem.frame(entryAddr);
        if (f == null) return mem.read(entryAddr, 8); // not RAM: all ones, caught as reserved bits
        mem.markTable(entryAddr >>> PhysicalMemory.PAGE_SHIFT);
        return (long) PhysicalMemory.LE64.get(f, (int) (entryAddr & PhysicalMemory.PAGE_MASK));
    }

    /**
     * Walks for {@code va}. {@code errBase} holds the W/R, U/S and I/D bits of the access for a
     * fault's error code. Returns the entry to cache.
     */
    public TlbEntry walk(long cr3, long cr4, long efer, long va, boolean write, int errBase, long generation) {
        walks++;
        return resolve(cr3, cr4, efer, va, write, errBase, generation, true, null, null);
    }

    /** The translation of {@code va} under these control registers, or null where an access would fault. */
    public TlbEntry peek(long cr3, long cr4, long efer, long va) {
        return resolve(cr3, cr4, efer, va, false, 0, 0, false, null, null);
    }

    /** One paging-structure entry a walk read: level 4 (PML4E) down to 1 (PTE). */
    public record Level(int level, long entryAddress, long entry) { }

    /** A peek as a debugger shows it: every entry read, the physical address (-1 if none) and why there is none. */
    public record Inspection(List<Level> levels, long physical, String problem) { }

    /** {@link #peek}, keeping every level's entry ({@code pt VA} in the debugger and the GDB monitor). */
    public Inspection inspect(long cr3, long cr4, long efer, long va) {
        List<Level> levels = new ArrayList<>();
        String[] problem = new String[1];
        TlbEntry t = resolve(cr3, cr4, efer, va, false, 0, 0, false, levels, problem);
        return new Inspection(levels, t == null ? -1 : t.translate(va), problem[0]);
    }

    /**
     * The walk; {@code live} makes it a real access (A/D flags, table marks, faults), else a peek,
     * which may record the entries it reads in {@code seen} and why it failed in {@code problem[0]}.
     */
    private TlbEntry resolve(long cr3, long cr4, long efer, long va, boolean write, int errBase, long generation, boolean live,
                             List<Level> seen, String[] problem) {
        boolean nxe = (efer & Cr.EFER_NXE) != 0;
        long table = cr3 & Cr.CR3_PML4_MASK & ADDR_MASK;
        boolean writable = true, user = true, noExec = false;
        for (int level = 4; level >= 1; level--) {
            int shift = 12 + 9 * (level - 1);
            long entryAddr = table + (((va >>> shift) & 0x1FF) << 3);
            long e = live ? readEntry(entryAddr) : mem.read(entryAddr, 8);
            if (seen != null) seen.add(new Level(level, entryAddr, e));
            if ((e & P) == 0) {
                if (!live) return failed(problem, "not present at level " + level);
                throw GuestFault.pageFault(va, errBase, String.format("not present at level %d (entry 0x%x at 0x%x)", level, e, entryAddr));
            }
            boolean leaf = level == 1 || ((e & PS) != 0 && level <= 3);
            long reserved = RESERVED_HIGH;
            if (!nxe) reserved |= XD;
            if (level == 4) reserved |= PS;
            if (leaf && level == 3) reserved |= 0x3FFF_E000L & ((1L << 30) - 1);   // 1 GiB page: bits 29:13
            if (leaf && level == 2) reserved |= 0x1F_E000L;                         // 2 MiB page: bits 20:13
            if ((e & reserved) != 0) {
                if (!live) return failed(problem, "reserved bit set at level " + level);
                throw GuestFault.pageFault(va, errBase | PfError.P | PfError.RSVD,
                        String.format("reserved bit set at level %d (entry 0x%x at 0x%x)", level, e, entryAddr));
            }
            writable &= (e & RW) != 0;
            user &= (e & US) != 0;
            noExec |= nxe && (e & XD) != 0;
            long newE = e;
            if (live) {
                newE |= A;
                if (leaf && write) newE |= D;
                if (newE != e) mem.write(entryAddr, 8, newE);
            }
            if (leaf) {
                long pageMask = (1L << shift) - 1;
                long pa = e & ADDR_MASK & ~pageMask;
                boolean global = (cr4 & Cr.CR4_PGE) != 0 && (e & G) != 0;
                return new TlbEntry(va & ~pageMask, pa, shift, writable, user, noExec, global,
                        (newE & D) != 0, generation, entryAddr);
            }
            table = e & ADDR_MASK;
        }
        throw new IllegalStateException("unreachable");
    }

    private static TlbEntry failed(String[] problem, String why) {
        if (problem != null) problem[0] = why;
        return null;
    }
}
