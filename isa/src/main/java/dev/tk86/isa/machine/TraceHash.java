package dev.tk86.isa.machine;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;

/**
 * A running 64-bit hash of every step taken: which CPU, at which RIP, at which step count,
 * with which RSP. Two runs with the same image, options and seed must produce the same value;
 * any difference in interleaving or control flow changes it.
 */
public final class TraceHash implements StepHook {
    private static final long PRIME = 0x100000001B3L;
    private long hash = 0xCBF29CE484222325L;
    private long steps;

    @Override
    public boolean beforeStep(Cpu cpu) {
        hash = mix(mix(mix(mix(hash, cpu.id), cpu.rip), cpu.steps), cpu.r[4]);
        steps++;
        return true;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h ^= (v >>> (i * 8)) & 0xFF;
            h *= PRIME;
        }
        return h;
    }

    public long value() { return hash; }

    public long steps() { return steps; }
}
