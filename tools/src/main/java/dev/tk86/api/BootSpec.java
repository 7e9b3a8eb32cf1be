package dev.tk86.api;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import java.util.Set;

/**
 * One boot: the machine, the seed, the command line and which monitors watch. Defaults: 2
 * CPUs, seed 0, the PCT schedule (depth 3) with 200-step quanta, 64 MiB, no monitors.
 */
public record BootSpec(MachineConfig machine, String workload, String commandLine, long maxSteps, Set<String> invariants) {
    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private int cpus = 2;
        private long seed;
        private Schedule schedule = Schedule.PCT;
        private int quantum = 200, pctDepth = PctParameters.DEFAULT_DEPTH;
        private long pctHorizon = PctParameters.DEFAULT_HORIZON, memory = MachineConfig.DEFAULT_MEMORY, maxSteps = 1_000_000_000L;
        private CpuVendor vendor = CpuVendor.INTEL;
        private String workload = "", commandLine;
        private Set<String> invariants = Set.of();

        public Builder cpus(int n) { cpus = n; return this; }
        public Builder seed(long s) { seed = s; return this; }
        public Builder schedule(Schedule s) { schedule = s; return this; }
        public Builder quantum(int q) { quantum = q; return this; }
        public Builder pctDepth(int d) { pctDepth = d; return this; }
        public Builder pctHorizon(long steps) { pctHorizon = steps; return this; }
        public Builder memoryBytes(long bytes) { memory = bytes; return this; }
        public Builder vendor(CpuVendor v) { vendor = v; return this; }
        public Builder maxSteps(long n) { maxSteps = n; return this; }
        /** The workload (workload=NAME on the command line, unless {@link #commandLine} is given). */
        public Builder workload(String name) { workload = name; return this; }
        /** The kernel's whole command line, e.g. "workload=forkexit n=10". */
        public Builder commandLine(String text) { commandLine = text; return this; }
        /** Monitors to run, by invariant name (see tk86 check --help); "all" for every one. */
        public Builder monitors(String... names) {
            invariants = names.length == 1 && names[0].equals("all") ? Set.copyOf(dev.tk86.tools.check.Invariants.all()) : Set.of(names);
            return this;
        }

        public BootSpec build() {
            MachineConfig m = MachineConfig.defaults().withCpus(cpus).withMemory(memory).withSchedule(schedule, seed).withQuantum(quantum)
                    .withVendor(vendor).withPct(new PctParameters(pctDepth, pctHorizon));
            String cmd = commandLine != null ? commandLine : workload.isEmpty() ? "" : "workload=" + workload;
            return new BootSpec(m, workload, cmd, maxSteps, invariants);
        }
    }
}
