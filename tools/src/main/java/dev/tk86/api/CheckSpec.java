package dev.tk86.api;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import java.util.List;
import java.util.Set;

/** A check: workloads x CPU counts x seeds under PCT. Defaults as {@code tk86 check}'s. */
public record CheckSpec(List<String> workloads, int cpusMin, int cpusMax, long firstSeed, long seeds, int jobs, int pctDepth,
                        MachineConfig machine, long maxSteps, Set<String> invariants) {
    public static Builder builder() { return new Builder(); }

    public static final class Builder {
        private List<String> workloads = List.of("forkexit");
        private int cpusMin = 2, cpusMax = 2, jobs = Runtime.getRuntime().availableProcessors(), pctDepth = PctParameters.DEFAULT_DEPTH;
        private int quantum = 200;
        private long firstSeed, seeds = 100, maxSteps = 200_000_000L;
        private Set<String> invariants = Set.of();

        public Builder workloads(String... names) { workloads = List.of(names); return this; }
        public Builder cpus(int n) { cpusMin = n; cpusMax = n; return this; }
        public Builder cpus(int min, int max) { cpusMin = min; cpusMax = max; return this; }
        public Builder seeds(long n) { seeds = n; return this; }
        public Builder firstSeed(long s) { firstSeed = s; return this; }
        public Builder jobs(int j) { jobs = j; return this; }
        public Builder pctDepth(int d) { pctDepth = d; return this; }
        public Builder quantum(int q) { quantum = q; return this; }
        public Builder maxSteps(long n) { maxSteps = n; return this; }
        /** Only these invariants (default: all). */
        public Builder invariants(String... names) { invariants = Set.of(names); return this; }

        public CheckSpec build() {
            return new CheckSpec(workloads, cpusMin, cpusMax, firstSeed, seeds, jobs, pctDepth, MachineConfig.defaults().withQuantum(quantum),
                    maxSteps, invariants);
        }
    }
}
