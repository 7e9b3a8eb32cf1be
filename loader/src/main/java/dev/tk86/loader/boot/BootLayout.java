package dev.tk86.loader.boot;

/**
 * Where the boot loader puts things in physical memory. docs/boot.md documents every number
 * here; change them together.
 *
 * <p>The loader owns the first MiB. Page 0 stays unused so that a null physical pointer never
 * names a real page; pages 0x1000..0xFFFF are left free for the kernel's AP trampoline (a
 * STARTUP IPI with vector V starts a processor at V*4096); the boot area at
 * 0x10000..0x9FFFF holds the boot-info structure, the command line, the GDT, the boot stack
 * and the boot page tables, and the kernel may reclaim it once it runs on its own tables.
 */
public final class BootLayout {
    private BootLayout() { }

    public static final long PAGE = 0x1000;
    public static final int PAGE_INT = 0x1000;
    public static final long MIB = 1L << 20, GIB = 1L << 30;

    /** Below this physical address no PT_LOAD segment may be placed. */
    public static final long LOW_MEMORY_END = 0x10_0000;
    public static final long NULL_PAGE_END = 0x1000;

    public static final long BOOT_AREA_START = 0x1_0000;
    public static final long BOOT_AREA_END = 0xA_0000;

    /** The boot-info header; RDI points here at entry. */
    public static final long BOOT_INFO = 0x1_0000;
    public static final int BOOT_INFO_SIZE = 0x80;
    /** Memory map entries follow the header in the same page. */
    public static final long MEMORY_MAP = BOOT_INFO + 0x100;
    public static final int MEMORY_MAP_ENTRY_SIZE = 24;
    public static final int MEMORY_MAP_MAX = (int) ((PAGE - 0x100) / MEMORY_MAP_ENTRY_SIZE);
    public static final long COMMAND_LINE = 0x1_1000;
    /** Longest command line in bytes, without its terminating NUL. */
    public static final int COMMAND_LINE_MAX = (int) PAGE - 1;
    public static final long GDT = 0x1_2000;
    public static final long STACK_BOTTOM = 0x1_3000, STACK_TOP = 0x1_7000;
    /** The PML4 is the first page of the boot page tables, which grow up to the area's end. */
    public static final long PML4 = 0x1_7000;
    public static final long TABLES_START = PML4, TABLES_END = BOOT_AREA_END;

    /** The boot protocol needs its low MiB plus room for a kernel. */
    public static final long MIN_MEMORY = 2 * MIB;
    /** At most this many PT_LOAD segments (each gets its own memory-map entry). */
    public static final int MAX_LOAD_SEGMENTS = 64;

    /** The boot page tables identity-map [0, identityEnd(ram)): all RAM, in whole GiB. */
    public static long identityEnd(long ramBytes) {
        return (ramBytes + GIB - 1) & -GIB;
    }

    public static long pageDown(long a) { return a & -PAGE; }

    public static long pageUp(long a) { return (a + PAGE - 1) & -PAGE; }
}
