package dev.tk86.loader.boot;

/** One entry of the boot memory map: [base, base + length) of one type. */
public record MemoryRegion(long base, long length, MemoryType type) {
    public long end() { return base + length; }
}
