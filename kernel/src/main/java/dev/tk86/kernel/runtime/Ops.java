package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.cpu.Rflags;

/**
 * The intrinsics that act on the executing CPU (docs/tkl.md, "Intrinsics"). Anything the
 * executor or the interleaver must notice before the next step (IF turned on, a halt, an
 * I/O write, an IPI, a TLB invalidation) sets {@code cpu.exitRun}, which also ends a fast run.
 */
public final class Ops {
    private Ops() {}

    public static void invlpg(Cpu cpu, long va) {
        cpu.mmu.invlpg(va);
        cpu.exitRun = true;
    }

    /** cli; returns RFLAGS as it was. */
    public static long intrDisable(Cpu cpu) {
        long old = cpu.rflags();
        cpu.rflagsSys &= ~Rflags.IF;
        return old;
    }

    /** Sets IF as it is in {@code rflags} (a value of intr_disable). */
    public static void intrRestore(Cpu cpu, long rflags) {
        if ((rflags & Rflags.IF) != 0) intrEnable(cpu);
        else cpu.rflagsSys &= ~Rflags.IF;
    }

    /** sti. Unlike sti there is no one-instruction shadow: an interrupt can come before the next statement. */
    public static void intrEnable(Cpu cpu) {
        if ((cpu.rflagsSys & Rflags.IF) == 0) {
            cpu.rflagsSys |= Rflags.IF;
            cpu.exitRun = true;
        }
    }

    /** A spin-wait hint: counted, as x86 pause is, so the scheduler can tell a spinning CPU. */
    public static void pause(Cpu cpu) { cpu.pauses++; }

    public static void hlt(Cpu cpu) {
        cpu.state = Cpu.State.HALTED;
        cpu.exitRun = true;
    }

    /** A fixed IPI with {@code vector} to the CPU whose x2APIC id is {@code apicId} (ICR, SDM 11.12.9). */
    public static void ipiSend(Cpu cpu, long apicId, long vector) {
        cpu.apic.write(Msr.X2APIC_ICR, ((apicId & 0xFFFF_FFFFL) << 32) | (vector & 0xFF));
    }

    /** A fixed IPI to every CPU but this one (destination shorthand 11b). */
    public static void ipiBroadcast(Cpu cpu, long vector) {
        cpu.apic.write(Msr.X2APIC_ICR, (3L << 18) | (vector & 0xFF));
    }

    public static void out(Cpu cpu, long port, int size, long value) {
        cpu.machine.io().out((int) port & 0xFFFF, size, value);
        cpu.exitRun = true;
    }

    public static long in(Cpu cpu, long port, int size) {
        return cpu.machine.io().in((int) port & 0xFFFF, size);
    }

    // ---- atomics: one host thread runs every CPU, so a read-modify-write through the MMU is atomic.
    // Results are raw (zero-extended); the generated code normalises them to the pointee type.

    private static long mask(int size) { return size == 8 ? -1L : (1L << (8 * size)) - 1; }

    public static long atomicCas(TklRuntime rt, Cpu cpu, long p, long expected, long replacement, int size) {
        long old = Mem.load(rt, cpu, p, size);
        if (old == (expected & mask(size))) Mem.store(rt, cpu, p, size, replacement);
        return old;
    }

    /** Returns the new value (the sum). */
    public static long atomicAdd(TklRuntime rt, Cpu cpu, long p, long v, int size) {
        long sum = Mem.load(rt, cpu, p, size) + v;
        Mem.store(rt, cpu, p, size, sum);
        return sum & mask(size);
    }

    public static long atomicSwap(TklRuntime rt, Cpu cpu, long p, long v, int size) {
        long old = Mem.load(rt, cpu, p, size);
        Mem.store(rt, cpu, p, size, v);
        return old;
    }

    public static void atomicSetBits(TklRuntime rt, Cpu cpu, long p, long bits, int size) {
        Mem.store(rt, cpu, p, size, Mem.load(rt, cpu, p, size) | bits);
    }

    public static void atomicClearBits(TklRuntime rt, Cpu cpu, long p, long bits, int size) {
        Mem.store(rt, cpu, p, size, Mem.load(rt, cpu, p, size) & ~bits);
    }
}
