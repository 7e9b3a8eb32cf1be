package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.tools.BadInputException;

/**
 * Where the snippet runner puts things (documented in {@code tk86 x86 run --help}).
 *
 * <pre>
 *   0x0000_0000 .. 0x0000_1000   null page: not mapped with paging on, so *NULL faults
 *   0x0000_1000 ..               code (RIP starts here; the run ends when RIP reaches its end)
 *   0x0010_0000                  initial RSP (the stack grows down from here)
 *   0x001f_c000 .. 0x0020_0000   the page tables (paging identity only)
 *   0x0400_0000                  end of RAM (64 MiB)
 * </pre>
 *
 * With paging identity, [0x1000, 2 MiB) is mapped with 4 KiB pages and [2 MiB, 64 MiB) with
 * 2 MiB pages, virtual = physical, present, writable, supervisor, executable, not global.
 * Everything else is not present: a #PF.
 */
public final class SnippetLayout {
    private SnippetLayout() { }

    public static final long RAM = 64L << 20;
    public static final long CODE = 0x1000;
    public static final long STACK_TOP = 0x10_0000;
    public static final long TABLES = 0x1F_C000, TABLES_END = 0x20_0000;
    public static final long SMALL_PAGES_END = 0x20_0000;

    public static final long CR0_PAGING = Cr.CR0_PG | Cr.CR0_WP | Cr.CR0_NE | Cr.CR0_ET | Cr.CR0_MP | Cr.CR0_PE;
    public static final long CR4_PAGING = Cr.CR4_PAE | Cr.CR4_PGE;
    public static final long EFER_PAGING = Cr.EFER_LME | Cr.EFER_LMA | Cr.EFER_NXE;
    public static final long CR0_OFF = Cr.CR0_NE | Cr.CR0_ET | Cr.CR0_MP | Cr.CR0_PE;
    /** LMA is clear: the SDM has it follow CR0.PG. */
    public static final long EFER_OFF = Cr.EFER_LME | Cr.EFER_NXE;

    /** Writes the identity map into {@code mem}; returns the CR3 value. */
    public static long buildIdentityMap(PhysicalMemory mem) {
        PageTables pt = new PageTables(mem, TABLES, TABLES_END);
        long flags = PageTables.RW;
        for (long a = PhysicalMemory.PAGE_SIZE; a < SMALL_PAGES_END; a += PhysicalMemory.PAGE_SIZE) pt.map4k(a, a, flags);
        for (long a = SMALL_PAGES_END; a < RAM; a += 1L << 21) pt.map2m(a, a, flags);
        return pt.pml4();
    }

    /** Rejects a case whose code or memory regions do not fit the layout. */
    public static void validate(SnippetCase c) {
        long codeEnd = CODE + c.code().length;
        if (codeEnd > TABLES)
            throw new BadInputException("code: " + c.code().length + " bytes do not fit below the page tables at 0x"
                    + Long.toHexString(TABLES));
        for (int i = 0; i < c.mem().size(); i++) {
            MemRegion m = c.mem().get(i);
            String where = String.format("mem 0x%x (%d bytes)", m.address(), m.bytes().length);
            if (Long.compareUnsigned(m.end(), RAM) > 0 || Long.compareUnsigned(m.end(), m.address()) < 0)
                throw new BadInputException(where + ": outside the snippet machine's RAM [0x0, 0x" + Long.toHexString(RAM) + ")");
            if (m.overlaps(CODE, codeEnd))
                throw new BadInputException(String.format("%s: overlaps the code at [0x%x, 0x%x)", where, CODE, codeEnd));
            if (c.paging() == Paging.IDENTITY && m.overlaps(TABLES, TABLES_END))
                throw new BadInputException(String.format("%s: overlaps the runner's page tables at [0x%x, 0x%x)", where, TABLES, TABLES_END));
            for (int j = 0; j < i; j++)
                if (m.overlaps(c.mem().get(j).address(), c.mem().get(j).end()))
                    throw new BadInputException(where + ": overlaps mem 0x" + Long.toHexString(c.mem().get(j).address()));
        }
    }
}
