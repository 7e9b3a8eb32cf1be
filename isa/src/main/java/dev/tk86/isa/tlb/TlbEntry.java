package dev.tk86.isa.tlb;

/**
 * One cached translation, for a 4 KiB, 2 MiB or 1 GiB page (SDM Vol. 3A, 4.10.2). The
 * permissions are the combination over every level of the walk, as the SDM says the TLB keeps
 * them: writable only if every level had R/W, user only if every level had U/S, no-execute if
 * any level had XD (with EFER.NXE).
 *
 * @param va         linear address of the page start
 * @param pa         physical address of the page start
 * @param pageShift  12, 21 or 30
 * @param generation the TLB generation it was filled in; a CR3 load retires older non-global entries
 */
public record TlbEntry(long va, long pa, int pageShift, boolean writable, boolean user, boolean noExec,
                       boolean global, boolean dirty, long generation, long leafEntryAddress) {

    public long pageSize() { return 1L << pageShift; }

    public boolean covers(long linear) { return (linear >>> pageShift) == (va >>> pageShift); }

    public long translate(long linear) { return pa + (linear & (pageSize() - 1)); }

    /** The same translation, filled again in TLB generation {@code g}. */
    public TlbEntry inGeneration(long g) {
        return g == generation ? this : new TlbEntry(va, pa, pageShift, writable, user, noExec, global, dirty, g, leafEntryAddress);
    }
}
