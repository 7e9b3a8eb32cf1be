package dev.tk86.loader.boot;

import dev.tk86.isa.mem.PhysicalMemory;

/**
 * The boot GDT (SDM Vol. 3A, 3.4.5 and 5.2.1): a null descriptor, a 64-bit ring-0 code segment
 * at selector 0x08 and a ring-0 data segment at 0x10. tk86 keeps segment selectors as values
 * only and never reads descriptors, but a kernel that inspects or copies the GDT finds what a
 * real boot loader would have left.
 */
public final class Gdt {
    private Gdt() { }

    public static final int CODE_SELECTOR = 0x08, DATA_SELECTOR = 0x10;
    /** P, DPL 0, S, type execute/read, L (64-bit), G, limit 0xFFFFF. */
    public static final long CODE64 = 0x00AF_9A00_0000_FFFFL;
    /** P, DPL 0, S, type read/write, D/B, G, limit 0xFFFFF. */
    public static final long DATA = 0x00CF_9200_0000_FFFFL;
    /** GDTR limit: three 8-byte descriptors, minus one. */
    public static final int LIMIT = 3 * 8 - 1;

    public static void write(PhysicalMemory mem) {
        mem.write(BootLayout.GDT, 8, 0);
        mem.write(BootLayout.GDT + CODE_SELECTOR, 8, CODE64);
        mem.write(BootLayout.GDT + DATA_SELECTOR, 8, DATA);
    }
}
