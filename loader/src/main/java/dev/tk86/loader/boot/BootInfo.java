package dev.tk86.loader.boot;

import java.util.List;

/**
 * The values the boot loader hands the kernel in the boot-info structure at
 * {@link BootLayout#BOOT_INFO} (layout in docs/boot.md and {@link BootInfoWriter}).
 *
 * @param tablesEnd  first byte after the last boot page table (they start at the PML4)
 * @param tkl        whether the image carried a TKL program that the loader bound
 */
public record BootInfo(int cpuCount, long memorySize, long kernelPhysStart, long kernelPhysEnd, long pml4,
                       long tablesEnd, long identityEnd, List<MemoryRegion> memoryMap, String commandLine,
                       long entry, boolean tkl) {
    /** "TK86BOOT" in memory order, read as a little-endian u64. */
    public static final long MAGIC = 0x544F_4F42_3638_4B54L;
    public static final int VERSION = 1;
    public static final int FLAG_TKL = 1;
}
