package dev.tk86.isa.tlb;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The architectural TLB of one CPU. By default it is "sticky": it never evicts, so a
 * translation stays cached until {@code mov %cr3} (non-global entries), {@code invlpg}, or a
 * CR4.PGE toggle removes it, exactly the latitude the SDM gives a processor (4.10.4). A kernel
 * that forgets an invalidation or a shootdown therefore keeps using the stale translation,
 * deterministically, instead of having the bug hidden by an eviction. With a capacity, the
 * oldest entry is evicted first (FIFO), which is deterministic too.
 *
 * <p>A CR3 load does not walk the table: it bumps the generation, and non-global entries of
 * older generations no longer match. Dead entries are swept when they outnumber live ones.
 */
public final class Tlb {
    private final EntryMap small = new EntryMap();   // key: va >>> 12
    private final EntryMap large2m = new EntryMap(); // key: va >>> 21
    private final EntryMap large1g = new EntryMap(); // key: va >>> 30
    private final int capacity;
    private final ArrayDeque<TlbEntry> fifo;
    private long generation;

    public long lookups, hits, fills, cr3Flushes, fullFlushes, invlpgs, evictions;

    /** @param capacity 0 for the sticky, never-evicting TLB */
    public Tlb(int capacity) {
        this.capacity = capacity;
        this.fifo = capacity > 0 ? new ArrayDeque<>() : null;
    }

    public long generation() { return generation; }

    public void addCounters(dev.tk86.isa.machine.Counters c) {
        // translations found here when the host's fast path missed (the fast path itself is not
        // counted: it would cost every memory access an increment)
        c.add("tlb_hits", hits);
        c.add("tlb_fills", fills);
        c.add("tlb_cr3_flushes", cr3Flushes);
        c.add("tlb_full_flushes", fullFlushes);
        c.add("tlb_invlpg", invlpgs);
    }

    /** Power-on: empty, counters at zero. */
    public void reset() {
        flushAll();
        lookups = hits = fills = cr3Flushes = fullFlushes = invlpgs = evictions = 0;
    }

    private boolean live(TlbEntry e) { return e != null && (e.global() || e.generation() == generation); }

    /** The entry that translates {@code va}, or null. */
    public TlbEntry lookup(long va) {
        lookups++;
        TlbEntry e = small.get(va >>> 12);
        // Most kernels map little with large pages: do not probe maps that hold nothing.
        if (!live(e) && large2m.size() != 0) e = large2m.get(va >>> 21);
        if (!live(e) && large1g.size() != 0) e = large1g.get(va >>> 30);
        if (!live(e)) return null;
        hits++;
        return e;
    }

    public void insert(TlbEntry e) {
        fills++;
        mapFor(e.pageShift()).put(e.va() >>> e.pageShift(), e);
        if (fifo != null) {
            fifo.addLast(e);
            while (liveCount() > capacity && !fifo.isEmpty()) {
                TlbEntry old = fifo.pollFirst();
                EntryMap m = mapFor(old.pageShift());
                if (m.get(old.va() >>> old.pageShift()) == old) { m.remove(old.va() >>> old.pageShift()); evictions++; }
            }
        }
        if (small.size() + large2m.size() + large1g.size() > 4096) sweep();
    }

    private EntryMap mapFor(int shift) {
        return shift == 12 ? small : shift == 21 ? large2m : large1g;
    }

    /** mov to CR3 without PCID: all non-global entries go (SDM 4.10.4.1). */
    public void flushNonGlobal() {
        cr3Flushes++;
        generation++;
    }

    /** CR4.PGE toggle, CR0.PG change: everything goes. */
    public void flushAll() {
        fullFlushes++;
        generation++;
        small.clear();
        large2m.clear();
        large1g.clear();
        if (fifo != null) fifo.clear();
    }

    /** invlpg: the entries for the page containing {@code va}, of any page size, global or not. */
    public void invlpg(long va) {
        invlpgs++;
        small.remove(va >>> 12);
        large2m.remove(va >>> 21);
        large1g.remove(va >>> 30);
    }

    private void sweep() {
        for (EntryMap m : List.of(small, large2m, large1g)) m.removeIf(e -> !live(e));
        if (fifo != null) fifo.removeIf(e -> !live(e));
    }

    private int liveCount() {
        int[] n = {0};
        for (EntryMap m : List.of(small, large2m, large1g)) m.forEach(e -> { if (live(e)) n[0]++; });
        return n[0];
    }

    /** The live entries, ordered by linear address (for the debugger and monitors). */
    public List<TlbEntry> entries() {
        List<TlbEntry> out = new ArrayList<>();
        for (EntryMap m : List.of(small, large2m, large1g)) m.forEach(e -> { if (live(e)) out.add(e); });
        out.sort((a, b) -> Long.compareUnsigned(a.va(), b.va()));
        return out;
    }
}
