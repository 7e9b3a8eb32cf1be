package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.mem.PhysicalMemory;

/**
 * Guest memory as a debugger reads and writes it: through a CPU's page tables without
 * faulting, setting accessed/dirty flags or filling its TLB (the walk is the machine's own,
 * {@code PageWalker.inspect}), or physical addresses directly.
 */
public final class RawMemory {
    private final DebugTarget target;

    public RawMemory(DebugTarget target) { this.target = target; }

    /** The physical address of {@code va} on {@code cpu}, or -1 if it is not mapped. */
    public long translate(Cpu cpu, long va) { return cpu.mmu.peekTranslate(va); }

    /** {@code n} bytes at {@code va}; null if any byte is unmapped or not RAM. */
    public byte[] read(Cpu cpu, long va, int n, boolean physical) {
        byte[] out = new byte[n];
        PhysicalMemory mem = target.machine().memory();
        for (int i = 0; i < n; i++) {
            long pa = physical ? va + i : translate(cpu, va + i);
            if (pa < 0 || !mem.isRam(pa)) return null;
            out[i] = (byte) mem.read8(pa);
        }
        return out;
    }

    /** Little-endian value of {@code size} bytes at {@code va}; a DebugException names the address if unmapped. */
    public long readValue(Cpu cpu, long va, int size) {
        byte[] b = read(cpu, va, size, false);
        if (b == null) throw new DebugException(String.format("cannot read %d bytes at 0x%x: not mapped on cpu%d", size, va, cpu.id));
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xFF);
        return v;
    }

    /** Writes {@code bytes} at {@code va}; false (and nothing written) if any byte is unmapped. */
    public boolean write(Cpu cpu, long va, byte[] bytes, boolean physical) {
        PhysicalMemory mem = target.machine().memory();
        long[] pas = new long[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pas[i] = physical ? va + i : translate(cpu, va + i);
            if (pas[i] < 0 || !mem.isRam(pas[i])) return false;
        }
        // write8 tells the decoded-instruction cache and the walk caches, as a guest write would
        for (int i = 0; i < bytes.length; i++) mem.write8(pas[i], bytes[i] & 0xFF);
        return true;
    }
}
