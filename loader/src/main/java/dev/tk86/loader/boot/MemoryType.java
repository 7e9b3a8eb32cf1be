package dev.tk86.loader.boot;

/** The type field of a boot memory map entry (docs/boot.md, "Memory map"). */
public enum MemoryType {
    /** free RAM the kernel may use */
    USABLE(1),
    /** not to be used (page 0) */
    RESERVED(2),
    /** holds the kernel's PT_LOAD segments */
    KERNEL(3),
    /** the boot loader's data: boot info, command line, GDT, boot stack, boot page tables */
    BOOT(4);

    public final int code;

    MemoryType(int code) { this.code = code; }
}
