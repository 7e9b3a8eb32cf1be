package dev.tk86.loader.support;

import dev.tk86.isa.machine.MachineConfig;

/** Machine configurations the loader's tests boot with. */
public final class Boots {
    private Boots() { }

    /** 64 MiB, the default memory; {@code cpus} CPUs, round-robin. */
    public static MachineConfig config(int cpus) {
        return MachineConfig.defaults().withCpus(cpus);
    }

    public static final long RAM = MachineConfig.DEFAULT_MEMORY;
}
