package dev.tk86.tools.cli;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.MemorySize;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options that decide a boot besides the image: the machine (CPUs, memory, how CPUs take
 * turns) and what the kernel is told. Shared as a picocli mixin by every command that boots an
 * image ({@code boot}, {@code debug}), so a new machine option reaches all of them at once.
 */
public final class MachineOptions {
    /** How CPUs take turns; the names users type. */
    enum ScheduleName { rr, random, pct }

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs, 1..64 (default: ${DEFAULT-VALUE})")
    int cpus = 2;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random schedule (default: ${DEFAULT-VALUE})")
    long seed = 0;

    @Option(names = "--schedule", paramLabel = "rr|random|pct",
            description = "round-robin quanta; random CPUs for random quanta of 1..2Q steps; or PCT priorities with random quanta and timer jitter; all drawn from the seed (default: ${DEFAULT-VALUE})")
    ScheduleName schedule = ScheduleName.rr;

    @Option(names = "--pct-depth", paramLabel = "D", description = "PCT: bug depth, D-1 priority change points (default: ${DEFAULT-VALUE})")
    int pctDepth = PctParameters.DEFAULT_DEPTH;

    @Option(names = "--pct-horizon", paramLabel = "N", description = "PCT: change points fall in steps 1..N (default: ${DEFAULT-VALUE})")
    long pctHorizon = PctParameters.DEFAULT_HORIZON;

    @Option(names = "--quantum", paramLabel = "Q", description = "steps per turn of a CPU (default: ${DEFAULT-VALUE})")
    int quantum = 1000;

    @Option(names = "--memory", paramLabel = "SIZE", description = "RAM, e.g. 64M or 1G (default: 64M)")
    String memory = "64M";

    @Option(names = "--cmdline", paramLabel = "TEXT", description = "the kernel's command line (boot info, docs/boot.md 4.2)")
    String cmdline = "";

    @Mixin VendorOption vendor;

    @Option(names = "--max-steps", paramLabel = "N", description = "step budget of the whole machine (default: ${DEFAULT-VALUE})")
    long maxSteps = 1_000_000_000L;

    /** The options as a value, checked: a bad one is a {@link BadInputException} naming it. */
    public BootOptions toBootOptions() {
        if (cpus < 1 || cpus > 64) throw new BadInputException("--cpus: must be 1..64, got " + cpus);
        if (quantum < 1) throw new BadInputException("--quantum: must be at least 1, got " + quantum);
        if (maxSteps < 1) throw new BadInputException("--max-steps: must be at least 1, got " + maxSteps);
        if (pctDepth < 1) throw new BadInputException("--pct-depth: must be at least 1, got " + pctDepth);
        if (pctHorizon < 1) throw new BadInputException("--pct-horizon: must be at least 1, got " + pctHorizon);
        Schedule s = switch (schedule) {
            case rr -> Schedule.ROUND_ROBIN;
            case random -> Schedule.RANDOM;
            case pct -> Schedule.PCT;
        };
        MachineConfig m = MachineConfig.defaults().withCpus(cpus).withMemory(MemorySize.parse(memory)).withSchedule(s, seed)
                .withQuantum(quantum).withVendor(vendor.vendor()).withPct(new PctParameters(pctDepth, pctHorizon));
        return new BootOptions(m, cmdline, maxSteps);
    }
}
