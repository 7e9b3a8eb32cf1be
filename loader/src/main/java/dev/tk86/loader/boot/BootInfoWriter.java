package dev.tk86.loader.boot;

import dev.tk86.isa.mem.PhysicalMemory;
import java.nio.charset.StandardCharsets;

/**
 * Writes the boot-info structure, its memory map and the command line into the boot area, in
 * the little-endian layout of docs/boot.md ("Boot info"). Offsets here and there must agree;
 * BootInfoLayoutTest reads the bytes back by the documented offsets.
 */
public final class BootInfoWriter {
    private BootInfoWriter() { }

    public static void write(PhysicalMemory mem, BootInfo info) {
        long b = BootLayout.BOOT_INFO;
        byte[] cmd = info.commandLine().getBytes(StandardCharsets.UTF_8);
        mem.write(b, 8, BootInfo.MAGIC);
        mem.write(b + 0x08, 4, BootInfo.VERSION);
        mem.write(b + 0x0C, 4, BootLayout.BOOT_INFO_SIZE);
        mem.write(b + 0x10, 4, info.cpuCount());
        mem.write(b + 0x14, 4, 0); // the BSP's APIC id
        mem.write(b + 0x18, 8, info.memorySize());
        mem.write(b + 0x20, 8, info.kernelPhysStart());
        mem.write(b + 0x28, 8, info.kernelPhysEnd());
        mem.write(b + 0x30, 8, info.pml4());
        mem.write(b + 0x38, 8, info.tablesEnd());
        mem.write(b + 0x40, 8, info.identityEnd());
        mem.write(b + 0x48, 8, BootLayout.BOOT_AREA_START);
        mem.write(b + 0x50, 8, BootLayout.BOOT_AREA_END);
        mem.write(b + 0x58, 8, BootLayout.STACK_TOP);
        mem.write(b + 0x60, 8, BootLayout.MEMORY_MAP);
        mem.write(b + 0x68, 4, info.memoryMap().size());
        mem.write(b + 0x6C, 4, BootLayout.MEMORY_MAP_ENTRY_SIZE);
        mem.write(b + 0x70, 8, BootLayout.COMMAND_LINE);
        mem.write(b + 0x78, 4, cmd.length);
        mem.write(b + 0x7C, 4, info.tkl() ? BootInfo.FLAG_TKL : 0);
        long e = BootLayout.MEMORY_MAP;
        for (MemoryRegion r : info.memoryMap()) {
            mem.write(e, 8, r.base());
            mem.write(e + 8, 8, r.length());
            mem.write(e + 16, 4, r.type().code);
            mem.write(e + 20, 4, 0);
            e += BootLayout.MEMORY_MAP_ENTRY_SIZE;
        }
        mem.load(BootLayout.COMMAND_LINE, cmd, 0, cmd.length);
        mem.write(BootLayout.COMMAND_LINE + cmd.length, 1, 0);
    }
}
