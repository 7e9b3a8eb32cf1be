package dev.tk86.tools.check;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.BadInputException;
import java.util.List;
import java.util.Set;

/**
 * What a check runs: each workload on each CPU count in {@code [cpusMin, cpusMax]}, for the
 * seeds {@code firstSeed .. firstSeed+seeds-1} that belong to {@code shard}.
 *
 * @param machine    the machine of every run, besides CPUs, seed and PCT horizon
 * @param pctDepth   the PCT depth of every run
 * @param maxSteps   each run's step budget; a run that spends it is reported as a hang
 * @param invariants the invariants to report
 */
public record CheckPlan(ImageSource kernel, List<String> workloads, int cpusMin, int cpusMax, long firstSeed, long seeds,
                        Shard shard, int jobs, MachineConfig machine, int pctDepth, long maxSteps, Set<String> invariants) {
    public CheckPlan {
        workloads = List.copyOf(workloads);
        if (workloads.isEmpty()) throw new BadInputException("--workloads: no workload named");
        for (String w : workloads)
            if (w.isBlank() || !w.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-'))
                throw new BadInputException("--workloads: '" + w + "' is not a workload name (letters, digits, _ and -)");
        if (cpusMin < 1 || cpusMax > 64 || cpusMin > cpusMax)
            throw new BadInputException("--cpus: " + cpusMin + "-" + cpusMax + " is not a range within 1..64");
        if (seeds < 1) throw new BadInputException("--seeds: the seed range is empty (" + seeds + " seeds)");
        if (jobs < 1) throw new BadInputException("--jobs: must be at least 1, got " + jobs);
        if (pctDepth < 1) throw new BadInputException("--pct-depth: must be at least 1, got " + pctDepth);
        if (maxSteps < 1) throw new BadInputException("--max-steps: must be at least 1, got " + maxSteps);
        if (seedsInShard(firstSeed, seeds, shard) == 0)
            throw new BadInputException("--shard " + shard + ": no seed of " + firstSeed + ".." + (firstSeed + seeds - 1) + " falls in this slice");
    }

    static long seedsInShard(long first, long count, Shard shard) {
        long n = 0;
        for (long s = first; s < first + count && n == 0; s++) if (shard.holds(s)) n++;
        if (n == 0) return 0;
        long c = 0;
        for (long s = first; s < first + count; s++) if (shard.holds(s)) c++;
        return c;
    }

    /** Parses {@code N} or {@code A-B}. */
    public static int[] cpuRange(String text) {
        try {
            int dash = text.indexOf('-');
            if (dash < 0) {
                int n = Integer.parseInt(text.strip());
                return new int[] {n, n};
            }
            return new int[] {Integer.parseInt(text.substring(0, dash).strip()), Integer.parseInt(text.substring(dash + 1).strip())};
        } catch (NumberFormatException e) {
            throw new BadInputException("--cpus: expected N or A-B (e.g. 2 or 1-4), got '" + text + "'");
        }
    }
}
