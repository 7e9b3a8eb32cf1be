package dev.tk86.isa.mmu;

import dev.tk86.isa.tlb.TlbEntry;

/**
 * Remembers the result of recent page walks, keyed by (CR3, page), for as long as no paging
 * structure anywhere has been written since (PhysicalMemory counts writes to frames that walks
 * read). A remembered result is exactly what walking again would produce: same memory, same
 * accessed flags already set, same control bits. So it changes no guest-visible behaviour; it
 * only makes the walk that follows a CR3 load cheap, which is why a process switch costs a
 * TLB generation bump rather than a rebuild.
 *
 * <p>This is a host cache, not the architectural TLB: it is consulted only where the CPU must
 * walk (a TLB miss), and a stale TLB entry is still used until invlpg or a CR3 load removes it.
 */
final class WalkCache {
    private static final int SIZE = 1024, MASK = SIZE - 1;
    private final long[] cr3 = new long[SIZE], page = new long[SIZE], stamp = new long[SIZE], mode = new long[SIZE];
    private final TlbEntry[] entry = new TlbEntry[SIZE];
    long hits;

    private static int slot(long cr3, long page) {
        long h = (page ^ (cr3 >>> 12) * 0x9E37_79B9L) * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 50) & MASK;
    }

    /** The remembered walk for {@code va}, or null. */
    TlbEntry find(long cr3Value, long va, long tableWrites, long modeBits) {
        long p = va >>> 12;
        int i = slot(cr3Value, p);
        TlbEntry e = entry[i];
        if (e == null || page[i] != p || cr3[i] != cr3Value || stamp[i] != tableWrites || mode[i] != modeBits) return null;
        hits++;
        return e;
    }

    /** Forgets every walk (a reset). */
    void clear() {
        java.util.Arrays.fill(entry, null);
        hits = 0;
    }

    void remember(long cr3Value, long va, long tableWrites, long modeBits, TlbEntry e) {
        long p = va >>> 12;
        int i = slot(cr3Value, p);
        cr3[i] = cr3Value;
        page[i] = p;
        stamp[i] = tableWrites;
        mode[i] = modeBits;
        entry[i] = e;
    }
}
