package dev.tk86.isa.mmu;

import static dev.tk86.isa.mem.PhysicalMemory.LE16;
import static dev.tk86.isa.mem.PhysicalMemory.LE32;
import static dev.tk86.isa.mem.PhysicalMemory.LE64;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.PfError;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.isa.tlb.Tlb;
import dev.tk86.isa.tlb.TlbEntry;

/**
 * One CPU's view of memory: linear address -> physical frame through its architectural
 * {@link Tlb} and the {@link PageWalker}, with permission checks (SDM Vol. 3A, 4.6).
 *
 * <p>In front of the architectural TLB sits a small direct-mapped host cache of host frames,
 * one tag array per access kind, in the manner of a software MMU: a hit is one array compare
 * and a VarHandle access. It only ever holds what the architectural TLB holds, so it changes
 * nothing about what the guest can observe; every invalidation of the TLB clears it. A write
 * tag is set only once the page's dirty flag is set and while the frame holds no decoded code,
 * so the first write walks (to set D) and writes to code go through the slow path that
 * invalidates the decoded-instruction cache.
 */
public final class Mmu {
    private static final int FAST_BITS = 8, FAST_SIZE = 1 << FAST_BITS, FAST_MASK = FAST_SIZE - 1;
    private static final long NO_TAG = -1L; // never equal to a page-aligned address
    private static final long PAGE_MASK = PhysicalMemory.PAGE_MASK;

    private final Cpu cpu;
    private final PhysicalMemory mem;
    public final Tlb tlb;
    public final PageWalker walker;
    private final WalkCache walkCache = new WalkCache();

    private final long[] readTag = new long[FAST_SIZE], writeTag = new long[FAST_SIZE], fetchTag = new long[FAST_SIZE];
    private final byte[][] readFrame = new byte[FAST_SIZE][], writeFrame = new byte[FAST_SIZE][];
    private final long[] fetchPa = new long[FAST_SIZE];
    private final int[] filled = new int[FAST_SIZE * 3];
    private int nFilled;

    public Mmu(Cpu cpu, PhysicalMemory mem) {
        this(cpu, mem, 0);
    }

    public Mmu(Cpu cpu, PhysicalMemory mem, int tlbCapacity) {
        this.cpu = cpu;
        this.mem = mem;
        this.tlb = new Tlb(tlbCapacity);
        this.walker = new PageWalker(mem);
        java.util.Arrays.fill(readTag, NO_TAG);
        java.util.Arrays.fill(writeTag, NO_TAG);
        java.util.Arrays.fill(fetchTag, NO_TAG);
    }

    public PhysicalMemory memory() { return mem; }

    // --- invalidation ---------------------------------------------------------------------------

    /** Power-on: TLB, walk cache and host caches empty, counters at zero. */
    public void reset() {
        tlb.reset();
        walker.resetCounters();
        walkCache.clear();
        clearFast();
    }

    public void addCounters(dev.tk86.isa.machine.Counters c) {
        walker.addCounters(c);
        tlb.addCounters(c);
    }

    public void cr3Written() {
        tlb.flushNonGlobal();
        clearFast();
    }

    public void flushAll() {
        tlb.flushAll();
        clearFast();
    }

    public void invlpg(long va) {
        tlb.invlpg(va);
        clearFast();
    }

    /** CPL changed, or a frame's code mark changed: cached rights may no longer hold. */
    public void clearFast() {
        for (int k = 0; k < nFilled; k++) {
            int i = filled[k];
            readTag[i & FAST_MASK] = NO_TAG;
            writeTag[i & FAST_MASK] = NO_TAG;
            fetchTag[i & FAST_MASK] = NO_TAG;
        }
        nFilled = 0;
    }

    /** Frame {@code frameNumber} became watched (code or paging structures): writes to it must go the slow way. */
    public void frameWatched(long frameNumber) {
        for (int i = 0; i < FAST_SIZE; i++)
            if (writeTag[i] != NO_TAG && writeFrame[i] == mem.frame(frameNumber << 12)) writeTag[i] = NO_TAG;
    }

    // --- translation ------------------------------------------------------------------------------

    /**
     * Translates {@code va} for an access, checking rights and faulting as the SDM says; fills
     * the fast cache. Returns the physical address.
     */
    public long translate(long va, Access access) {
        if (!cpu.pagingEnabled()) {
            fillIdentity(va);
            return va;
        }
        if (!isCanonical(va))
            throw GuestFault.gp(String.format("non-canonical address 0x%x", va));
        boolean write = access == Access.WRITE;
        boolean user = cpu.cpl == 3;
        int err = (write ? PfError.WR : 0) | (user ? PfError.US : 0)
                | (access == Access.FETCH && (cpu.efer & Cr.EFER_NXE) != 0 ? PfError.ID : 0);
        TlbEntry e = tlb.lookup(va);
        if (e == null) {
            e = walk(va, write, err);
        } else if (write && !e.dirty() && rightsAllow(e, access, user)) {
            // The first write through an entry whose D flag is clear walks again to set it.
            e = walk(va, true, err);
        }
        if (!rightsAllow(e, access, user)) {
            tlb.invlpg(va); // a #PF invalidates the faulting address's entries (SDM 4.10.4.1)
            clearFast();
            throw GuestFault.pageFault(va, err | PfError.P, describe(e, access, user));
        }
        long pa = e.translate(va);
        fill(va, pa, e, user);
        return pa;
    }

    private TlbEntry walk(long va, boolean write, int err) {
        long modeBits = (cpu.cr4 & Cr.CR4_PGE) | (cpu.efer & Cr.EFER_NXE);
        TlbEntry known = walkCache.find(cpu.cr3, va, mem.tableWrites(), modeBits);
        if (known != null && (!write || known.dirty())) {
            walker.walks++; // architecturally this is a walk; only its cost is saved
            TlbEntry e = known.inGeneration(tlb.generation());
            tlb.insert(e);
            return e;
        }
        try {
            TlbEntry e = walker.walk(cpu.cr3, cpu.cr4, cpu.efer, va, write, err, tlb.generation());
            walkCache.remember(cpu.cr3, va, mem.tableWrites(), modeBits, e);
            tlb.insert(e);
            return e;
        } catch (GuestFault f) {
            tlb.invlpg(va);
            clearFast();
            throw f;
        }
    }

    private boolean rightsAllow(TlbEntry e, Access access, boolean user) {
        if (user && !e.user()) return false;
        return switch (access) {
            case READ -> true;
            case WRITE -> e.writable() || (!user && (cpu.cr0 & Cr.CR0_WP) == 0);
            case FETCH -> !e.noExec();
        };
    }

    private static String describe(TlbEntry e, Access access, boolean user) {
        if (user && !e.user()) return "user access to a supervisor page";
        return access == Access.WRITE ? "write to a read-only page" : "instruction fetch from a no-execute page";
    }

    private void fill(long va, long pa, TlbEntry e, boolean user) {
        byte[] frame = mem.frame(pa);
        if (frame == null) return; // not RAM: always slow path
        int i = (int) (va >>> 12) & FAST_MASK;
        long tag = va & ~PAGE_MASK;
        readTag[i] = mem.isDataWatched(pa) ? NO_TAG : tag;
        readFrame[i] = frame;
        boolean canWrite = (e.writable() || (!user && (cpu.cr0 & Cr.CR0_WP) == 0)) && e.dirty() && !mem.isWatched(pa);
        writeTag[i] = canWrite ? tag : NO_TAG;
        writeFrame[i] = frame;
        fetchTag[i] = e.noExec() ? NO_TAG : tag;
        fetchPa[i] = pa & ~PAGE_MASK;
        if (nFilled < filled.length) filled[nFilled++] = i;
        else { nFilled = 0; for (int k = 0; k < FAST_SIZE; k++) filled[nFilled++] = k; }
    }

    private void fillIdentity(long pa) {
        byte[] frame = mem.frame(pa);
        if (frame == null) return;
        int i = (int) (pa >>> 12) & FAST_MASK;
        long tag = pa & ~PAGE_MASK;
        readTag[i] = mem.isDataWatched(pa) ? NO_TAG : tag;
        readFrame[i] = frame;
        writeTag[i] = mem.isWatched(pa) ? NO_TAG : tag;
        writeFrame[i] = frame;
        fetchTag[i] = tag;
        fetchPa[i] = tag;
        if (nFilled < filled.length) filled[nFilled++] = i;
        else { nFilled = 0; for (int k = 0; k < FAST_SIZE; k++) filled[nFilled++] = k; }
    }

    public static boolean isCanonical(long va) { return (va << 16 >> 16) == va; }

    /** Physical address of the page holding the instruction at {@code va} (page aligned). */
    public long fetchPage(long va) {
        int i = (int) (va >>> 12) & FAST_MASK;
        if (fetchTag[i] == (va & ~PAGE_MASK)) return fetchPa[i];
        return translate(va, Access.FETCH) & ~PAGE_MASK;
    }

    /** One instruction byte, for decoding across a page boundary. */
    public int fetchByte(long va) {
        return mem.read8(translate(va, Access.FETCH));
    }

    // --- data access --------------------------------------------------------------------------

    public long read8(long va) {
        int i = (int) (va >>> 12) & FAST_MASK;
        if (readTag[i] == (va & ~PAGE_MASK)) return readFrame[i][(int) va & 0xFFF] & 0xFFL;
        return readSlow(va, 1);
    }

    public long read16(long va) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (readTag[i] == (va & ~PAGE_MASK) && off <= 4094) return (short) LE16.get(readFrame[i], off) & 0xFFFFL;
        return readSlow(va, 2);
    }

    public long read32(long va) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (readTag[i] == (va & ~PAGE_MASK) && off <= 4092) return (int) LE32.get(readFrame[i], off) & 0xFFFF_FFFFL;
        return readSlow(va, 4);
    }

    public long read64(long va) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (readTag[i] == (va & ~PAGE_MASK) && off <= 4088) return (long) LE64.get(readFrame[i], off);
        return readSlow(va, 8);
    }

    public void write8(long va, long v) {
        int i = (int) (va >>> 12) & FAST_MASK;
        if (writeTag[i] == (va & ~PAGE_MASK)) { writeFrame[i][(int) va & 0xFFF] = (byte) v; return; }
        writeSlow(va, 1, v);
    }

    public void write16(long va, long v) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (writeTag[i] == (va & ~PAGE_MASK) && off <= 4094) { LE16.set(writeFrame[i], off, (short) v); return; }
        writeSlow(va, 2, v);
    }

    public void write32(long va, long v) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (writeTag[i] == (va & ~PAGE_MASK) && off <= 4092) { LE32.set(writeFrame[i], off, (int) v); return; }
        writeSlow(va, 4, v);
    }

    public void write64(long va, long v) {
        int i = (int) (va >>> 12) & FAST_MASK, off = (int) va & 0xFFF;
        if (writeTag[i] == (va & ~PAGE_MASK) && off <= 4088) { LE64.set(writeFrame[i], off, v); return; }
        writeSlow(va, 8, v);
    }

    private long readSlow(long va, int size) {
        long end = va + size - 1;
        if (((va ^ end) & ~PAGE_MASK) == 0) {
            long pa = translate(va, Access.READ);
            if (mem.isDataWatched(pa)) cpu.machine.dataAccessed(cpu, va, pa, size, false);
            return mem.read(pa, size);
        }
        // Crosses a page: translate both pages before reading anything.
        long pa1 = translate(va, Access.READ), pa2 = translate(end & ~PAGE_MASK, Access.READ);
        if (mem.isDataWatched(pa1) || mem.isDataWatched(pa2)) cpu.machine.dataAccessed(cpu, va, pa1, size, false);
        int first = (int) (PhysicalMemory.PAGE_SIZE - (va & PAGE_MASK));
        long v = 0;
        for (int k = size - 1; k >= 0; k--) v = (v << 8) | mem.read8(k < first ? pa1 + k : pa2 + (k - first));
        return v;
    }

    private void writeSlow(long va, int size, long v) {
        long end = va + size - 1;
        if (((va ^ end) & ~PAGE_MASK) == 0) {
            long pa = translate(va, Access.WRITE);
            mem.write(pa, size, v);
            if (mem.isDataWatched(pa)) cpu.machine.dataAccessed(cpu, va, pa, size, true);
            return;
        }
        long pa1 = translate(va, Access.WRITE), pa2 = translate(end & ~PAGE_MASK, Access.WRITE);
        if (mem.isDataWatched(pa1) || mem.isDataWatched(pa2)) cpu.machine.dataAccessed(cpu, va, pa1, size, true);
        int first = (int) (PhysicalMemory.PAGE_SIZE - (va & PAGE_MASK));
        for (int k = 0; k < size; k++) mem.write8(k < first ? pa1 + k : pa2 + (k - first), (int) (v >>> (8 * k)));
    }

    /**
     * Translation for a debugger, monitor or test: the page walker's own walk without its side
     * effects (no A/D flags, no fault, TLB untouched; {@link PageWalker#peek}). Returns -1
     * where an access would fault for lack of a translation (not present, or a reserved bit).
     */
    public long peekTranslate(long va) {
        if (!cpu.pagingEnabled()) return va;
        TlbEntry t = walker.peek(cpu.cr3, cpu.cr4, cpu.efer, va);
        return t == null ? -1 : t.translate(va);
    }
}
