package dev.tk86.tools.compare;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.check.ImageSource;
import dev.tk86.tools.check.RunExecution;
import dev.tk86.tools.check.RunSpec;
import dev.tk86.tools.boot.BootOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The same workload on two kernels over the same seeds (the same PCT schedules), without
 * monitors: every kernel counter (kc_*) and machine counter side by side. A run that does not
 * power off with status 0 is reported, since its counters describe a different run.
 */
public final class Comparison {
    /** What a comparison found: the stats per counter, and the runs that did not end well. */
    public record Result(String labelA, String labelB, String workload, int cpus, int seeds, List<CounterStats> counters,
                         List<String> failedRuns) { }

    private Comparison() { }

    public static Result run(ImageSource a, ImageSource b, String workload, int cpus, int seeds, int jobs, MachineConfig base,
                             long maxSteps) {
        Path ia = a.image(), ib = b.image();
        List<Map<String, Long>> ra = runs(a, ia, workload, cpus, seeds, jobs, base, maxSteps);
        List<Map<String, Long>> rb = runs(b, ib, workload, cpus, seeds, jobs, base, maxSteps);
        List<String> failed = new ArrayList<>();
        collectFailures(a.label(), ra, failed);
        collectFailures(b.label(), rb, failed);
        Set<String> names = new TreeSet<>();
        for (Map<String, Long> m : ra) names.addAll(m.keySet());
        for (Map<String, Long> m : rb) names.addAll(m.keySet());
        names.remove("!status");
        List<CounterStats> stats = new ArrayList<>();
        for (String n : names) {
            long[] x = new long[seeds], y = new long[seeds];
            for (int i = 0; i < seeds; i++) {
                x[i] = ra.get(i).getOrDefault(n, 0L);
                y[i] = rb.get(i).getOrDefault(n, 0L);
            }
            stats.add(CounterStats.of(n, x, y));
        }
        return new Result(a.label(), b.label(), workload, cpus, seeds, stats, failed);
    }

    private static void collectFailures(String label, List<Map<String, Long>> runs, List<String> failed) {
        for (int i = 0; i < runs.size(); i++)
            if (runs.get(i).get("!status") != 0) failed.add(label + " seed " + i + " did not power off with status 0");
    }

    private static List<Map<String, Long>> runs(ImageSource src, Path image, String workload, int cpus, int seeds, int jobs,
                                                MachineConfig base, long maxSteps) {
        ExecutorService pool = Executors.newFixedThreadPool(jobs, r -> {
            Thread t = new Thread(r, "tk86-compare");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Map<String, Long>>> fs = new ArrayList<>();
            for (int s = 0; s < seeds; s++) {
                MachineConfig m = base.withCpus(cpus).withSchedule(Schedule.PCT, s).withPct(new PctParameters(PctParameters.DEFAULT_DEPTH,
                        base.pct().horizon()));
                RunSpec spec = RunSpec.of(src, m, workload, maxSteps);
                fs.add(pool.submit(() -> counters(RunExecution.run(image, spec, Set.of(), x -> { }).outcome())));
            }
            List<Map<String, Long>> out = new ArrayList<>();
            for (Future<Map<String, Long>> f : fs) out.add(f.get());
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Long> counters(BootOutcome o) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (var e : o.kernelCounters().entrySet()) m.put("kc." + e.getKey(), e.getValue());
        for (var e : o.counters().entrySet()) m.put("machine." + e.getKey(), e.getValue());
        RunResult r = o.result();
        m.put("!status", r.reason() == RunResult.Reason.POWER_OFF ? r.exitStatus() : -1);
        return m;
    }
}
