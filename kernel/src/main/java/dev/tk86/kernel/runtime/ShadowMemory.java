package dev.tk86.kernel.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * KASAN-like shadow memory for one machine, fed by the kernel's allocator annotations
 * ({@code shadow_alloc}, {@code shadow_free}): it remembers which virtual ranges are
 * allocated (and by which allocator) and which are freed. Addresses are kernel virtual
 * addresses, compared unsigned. Only TKL accesses are checked; x86 (locore) accesses are not.
 */
public final class ShadowMemory {
    /** A range [start, end) and the allocator that owned it. */
    public record Region(long start, long end, String kind) {
        boolean overlaps(long a, long b) { return Long.compareUnsigned(a, end) < 0 && Long.compareUnsigned(start, b) < 0; }

        @Override public String toString() { return String.format("%s 0x%x-0x%x", kind, start, end); }
    }

    /** Ranges larger than this many pages are not indexed by page (they are checked directly). */
    private static final long MAX_INDEXED_PAGES = 4096;

    private final TreeMap<Long, Region> allocated = new TreeMap<>(Long::compareUnsigned);
    private final TreeMap<Long, Region> freed = new TreeMap<>(Long::compareUnsigned);
    private final PageCounts freedPages = new PageCounts();
    /**
     * Pages recently found to hold no freed bytes, direct-mapped by page number: every TKL
     * access asks, and most ask about the few pages a function is working on. An entry goes
     * when its page gains freed bytes; pages only ever become clean otherwise.
     */
    private final long[] clean = new long[CLEAN_SIZE];
    private static final int CLEAN_SIZE = 1024, CLEAN_MASK = CLEAN_SIZE - 1;
    private int bigFreed;
    public long allocs, frees;

    {
        java.util.Arrays.fill(clean, -1L);   // page numbers are below 2^52: -1 is never one
    }

    public boolean anyFreed() { return !freed.isEmpty(); }

    /** Marks [p, p + size) allocated by {@code kind}: it is no longer poisoned. */
    public void alloc(long p, long size, String kind) {
        if (size <= 0) return;
        allocs++;
        long end = p + size;
        for (Region r : overlapping(freed, p, end)) {
            removeFreed(r);
            if (Long.compareUnsigned(r.start(), p) < 0) addFreed(new Region(r.start(), p, r.kind()));
            if (Long.compareUnsigned(end, r.end()) < 0) addFreed(new Region(end, r.end(), r.kind()));
        }
        for (Region r : overlapping(allocated, p, end)) allocated.remove(r.start());
        allocated.put(p, new Region(p, end, kind));
    }

    /**
     * Marks [p, p + size) freed. Returns the freed region it overlaps if part of it was
     * already free (a double free; nothing changes then), else null.
     */
    public Region free(long p, long size) {
        if (size <= 0) return null;
        long end = p + size;
        List<Region> already = overlapping(freed, p, end);
        if (!already.isEmpty()) return already.get(0);
        frees++;
        String kind = "memory";
        for (Region r : overlapping(allocated, p, end)) {
            kind = r.kind();
            allocated.remove(r.start());
            // what is left of a partly freed allocation stays allocated
            if (Long.compareUnsigned(r.start(), p) < 0) allocated.put(r.start(), new Region(r.start(), p, r.kind()));
            if (Long.compareUnsigned(end, r.end()) < 0) allocated.put(end, new Region(end, r.end(), r.kind()));
        }
        addFreed(new Region(p, end, kind));
        return null;
    }

    /** The freed region that [va, va + size) touches, or null. */
    public Region freedAt(long va, long size) {
        if (bigFreed == 0) {
            long first = va >>> 12, last = (va + size - 1) >>> 12;
            if (isClean(first) && (last == first || isClean(last))) return null;
        }
        Map.Entry<Long, Region> e = freed.floorEntry(va);
        if (e != null && e.getValue().overlaps(va, va + size)) return e.getValue();
        e = freed.higherEntry(va);
        if (e != null && e.getValue().overlaps(va, va + size)) return e.getValue();
        return null;
    }

    private boolean isClean(long page) {
        int i = (int) page & CLEAN_MASK;
        if (clean[i] == page) return true;
        if (freedPages.contains(page)) return false;
        clean[i] = page;
        return true;
    }

    public List<Region> freedRegions() { return List.copyOf(freed.values()); }

    public List<Region> allocatedRegions() { return List.copyOf(allocated.values()); }

    private static List<Region> overlapping(TreeMap<Long, Region> map, long a, long b) {
        List<Region> out = new ArrayList<>();
        Map.Entry<Long, Region> first = map.floorEntry(a);
        if (first != null && first.getValue().overlaps(a, b)) out.add(first.getValue());
        for (Region r : map.tailMap(a, false).values()) {
            if (Long.compareUnsigned(r.start(), b) >= 0) break;
            if (r.overlaps(a, b)) out.add(r);
        }
        return out;
    }

    private void addFreed(Region r) {
        freed.put(r.start(), r);
        pages(r, 1);
    }

    private void removeFreed(Region r) {
        freed.remove(r.start());
        pages(r, -1);
    }

    private void pages(Region r, int delta) {
        long first = r.start() >>> 12, last = (r.end() - 1) >>> 12;
        if (Long.compareUnsigned(last - first, MAX_INDEXED_PAGES) >= 0) {
            bigFreed += delta;
            return;
        }
        for (long pg = first; ; pg++) {
            freedPages.add(pg, delta);
            if (delta > 0 && clean[(int) pg & CLEAN_MASK] == pg) clean[(int) pg & CLEAN_MASK] = -1L;
            if (pg == last) break;
        }
    }
}
