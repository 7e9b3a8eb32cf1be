package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;

/**
 * Every memory access of TKL code: through the executing CPU's MMU (so the TLB, rights,
 * accessed/dirty bits and #PF apply exactly as for an x86 instruction), and through the
 * shadow memory once anything has been freed in it.
 */
public final class Mem {
    private Mem() {}

    public static long ld8(TklRuntime rt, Cpu cpu, long va) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 1, false);
        return cpu.mmu.read8(va);
    }

    public static long ld16(TklRuntime rt, Cpu cpu, long va) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 2, false);
        return cpu.mmu.read16(va);
    }

    public static long ld32(TklRuntime rt, Cpu cpu, long va) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 4, false);
        return cpu.mmu.read32(va);
    }

    public static long ld64(TklRuntime rt, Cpu cpu, long va) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 8, false);
        return cpu.mmu.read64(va);
    }

    public static void st8(TklRuntime rt, Cpu cpu, long va, long v) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 1, true);
        cpu.mmu.write8(va, v);
    }

    public static void st16(TklRuntime rt, Cpu cpu, long va, long v) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 2, true);
        cpu.mmu.write16(va, v);
    }

    public static void st32(TklRuntime rt, Cpu cpu, long va, long v) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 4, true);
        cpu.mmu.write32(va, v);
    }

    public static void st64(TklRuntime rt, Cpu cpu, long va, long v) {
        if (rt.shadowOn) rt.shadowAccess(cpu, va, 8, true);
        cpu.mmu.write64(va, v);
    }

    /** A bool in memory: any non-zero byte reads as true (1). */
    public static long ldBool(TklRuntime rt, Cpu cpu, long va) {
        return ld8(rt, cpu, va) != 0 ? 1 : 0;
    }

    public static long load(TklRuntime rt, Cpu cpu, long va, int size) {
        return switch (size) {
            case 1 -> ld8(rt, cpu, va);
            case 2 -> ld16(rt, cpu, va);
            case 4 -> ld32(rt, cpu, va);
            default -> ld64(rt, cpu, va);
        };
    }

    public static void store(TklRuntime rt, Cpu cpu, long va, int size, long v) {
        switch (size) {
            case 1 -> st8(rt, cpu, va, v);
            case 2 -> st16(rt, cpu, va, v);
            case 4 -> st32(rt, cpu, va, v);
            default -> st64(rt, cpu, va, v);
        }
    }

    /** push: the write happens before rsp moves, so a faulting push changes nothing. */
    public static void push(TklRuntime rt, Cpu cpu, long v) {
        long sp = cpu.r[Reg.RSP] - 8;
        st64(rt, cpu, sp, v);
        cpu.r[Reg.RSP] = sp;
    }

    /** Zero-fills {@code n} bytes at {@code va} (a local without initialiser, memset). */
    public static void fill(TklRuntime rt, Cpu cpu, long va, long n, long b) {
        long pattern = (b & 0xFF) * 0x0101_0101_0101_0101L;
        long i = 0;
        for (; i < n && ((va + i) & 7) != 0; i++) st8(rt, cpu, va + i, b);
        for (; n - i >= 8; i += 8) st64(rt, cpu, va + i, pattern);
        for (; i < n; i++) st8(rt, cpu, va + i, b);
    }

    /** memcpy: forward, in 8-byte pieces where it can (the regions must not overlap). */
    public static void copy(TklRuntime rt, Cpu cpu, long dst, long src, long n) {
        long i = 0;
        for (; n - i >= 8; i += 8) st64(rt, cpu, dst + i, ld64(rt, cpu, src + i));
        for (; i < n; i++) st8(rt, cpu, dst + i, ld8(rt, cpu, src + i));
    }

    /** memset(p, b, n), arguments in TKL order. */
    public static void memset(TklRuntime rt, Cpu cpu, long p, long b, long n) {
        fill(rt, cpu, p, n, b);
    }
}
