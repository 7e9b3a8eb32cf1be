package dev.tk86.isa.machine;

import dev.tk86.isa.cpu.CpuVendor;

/**
 * Everything that, with the image, determines a run.
 *
 * @param cpus        number of CPUs (1..64)
 * @param memoryBytes physical memory, a multiple of 4 KiB
 * @param schedule    how CPUs are interleaved
 * @param seed        seed of the random schedule
 * @param quantum     steps per slice (round robin) or mean slice (random)
 * @param tlbCapacity 0 for the sticky TLB, else entries per CPU before FIFO eviction
 * @param vendor      whose rules the CPUs follow where Intel and AMD differ (docs/isa.md)
 * @param pct         depth and horizon of the PCT schedule (used only when schedule is PCT)
 */
public record MachineConfig(int cpus, long memoryBytes, Schedule schedule, long seed, int quantum, int tlbCapacity,
                            CpuVendor vendor, PctParameters pct) {
    public static final long DEFAULT_MEMORY = 64L << 20;

    public MachineConfig {
        if (cpus < 1 || cpus > 64) throw new IllegalArgumentException("cpus must be 1..64, got " + cpus);
        if (memoryBytes < 4096 || (memoryBytes & 0xFFF) != 0)
            throw new IllegalArgumentException("memory must be a positive multiple of 4096 bytes, got " + memoryBytes);
        if (quantum < 1) throw new IllegalArgumentException("quantum must be at least 1, got " + quantum);
        if (tlbCapacity < 0) throw new IllegalArgumentException("TLB capacity must be 0 (sticky) or positive, got " + tlbCapacity);
        if (vendor == null) throw new IllegalArgumentException("the CPU vendor must be given (" + CpuVendor.accepted() + ")");
        if (pct == null) throw new IllegalArgumentException("the PCT parameters must be given (PctParameters.DEFAULT)");
    }

    public static MachineConfig defaults() {
        return new MachineConfig(2, DEFAULT_MEMORY, Schedule.ROUND_ROBIN, 0, 1000, 0, CpuVendor.INTEL, PctParameters.DEFAULT);
    }

    public MachineConfig withCpus(int n) { return new MachineConfig(n, memoryBytes, schedule, seed, quantum, tlbCapacity, vendor, pct); }
    public MachineConfig withMemory(long bytes) { return new MachineConfig(cpus, bytes, schedule, seed, quantum, tlbCapacity, vendor, pct); }
    public MachineConfig withSchedule(Schedule s, long seed) { return new MachineConfig(cpus, memoryBytes, s, seed, quantum, tlbCapacity, vendor, pct); }
    public MachineConfig withQuantum(int q) { return new MachineConfig(cpus, memoryBytes, schedule, seed, q, tlbCapacity, vendor, pct); }
    public MachineConfig withTlbCapacity(int c) { return new MachineConfig(cpus, memoryBytes, schedule, seed, quantum, c, vendor, pct); }
    public MachineConfig withVendor(CpuVendor v) { return new MachineConfig(cpus, memoryBytes, schedule, seed, quantum, tlbCapacity, v, pct); }
    public MachineConfig withPct(PctParameters p) { return new MachineConfig(cpus, memoryBytes, schedule, seed, quantum, tlbCapacity, vendor, p); }
}
