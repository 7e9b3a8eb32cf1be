package dev.tk86.tools.inspect;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.mem.PhysicalMemory;

/**
 * Kernel virtual memory as one CPU sees it, for looking only: every address goes through that
 * CPU's page tables with the MMU's non-faulting peek, so reading never sets an accessed or
 * dirty flag, never fills the TLB and never raises a fault in the guest. A frame the guest has
 * never touched reads as zeros without being allocated, so inspecting leaves no trace.
 */
public final class GuestMemory {
    private final Cpu cpu;
    private final PhysicalMemory mem;

    public GuestMemory(Cpu cpu) {
        this.cpu = cpu;
        this.mem = cpu.machine.memory();
    }

    public Cpu cpu() { return cpu; }

    /** The physical address of {@code va}, or -1 when this CPU's page tables do not map it. */
    public long physicalOrNone(long va) { return cpu.mmu.peekTranslate(va); }

    public boolean isMapped(long va) { return physicalOrNone(va) >= 0; }

    /** Little-endian read of 1, 2, 4 or 8 bytes (zero-extended); may cross pages. */
    public long read(long va, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | byteAt(va + i);
        return v;
    }

    public long read64(long va) { return read(va, 8); }

    public byte[] bytes(long va, int length) {
        byte[] out = new byte[length];
        for (int i = 0; i < length; i++) out[i] = (byte) byteAt(va + i);
        return out;
    }

    /** A NUL-terminated string of at most {@code max} bytes (UTF-8, cut at the limit). */
    public String cstring(long va, int max) {
        byte[] run = new byte[max];
        int n = 0;
        while (n < max) {
            int b = byteAt(va + n);
            if (b == 0) break;
            run[n++] = (byte) b;
        }
        return new String(run, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private int byteAt(long va) {
        long pa = physicalOrNone(va);
        if (pa < 0) throw InspectException.of("address 0x%x is not mapped on cpu%d (cr3 0x%x)", va, cpu.id, cpu.cr3);
        if (!mem.isRam(pa)) throw InspectException.of("address 0x%x is physical 0x%x, which is not RAM", va, pa);
        if (!mem.isAllocated(pa >>> PhysicalMemory.PAGE_SHIFT)) return 0;
        return mem.read8(pa);
    }
}
