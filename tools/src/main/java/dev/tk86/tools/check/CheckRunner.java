package dev.tk86.tools.check;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.BadInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link CheckPlan} on {@code jobs} machines at once (threads of this JVM; a machine is
 * single-threaded and shares nothing with another). Before the seeds, each workload runs once
 * per CPU count under round robin: that run checks the workload's name (the kernel refuses an
 * unknown one with status 64 and lists the known ones) and its length becomes the PCT horizon,
 * so change points fall inside the run.
 */
public final class CheckRunner {
    /** The kernel's status for an unknown workload or parameter (EX_USAGE). */
    public static final long WORKLOAD_USAGE = 64;

    private CheckRunner() { }

    public static CheckReport run(CheckPlan plan, Progress progress) {
        long start = System.nanoTime();
        Path image = plan.kernel().image();
        Map<String, Long> horizons = calibrate(plan, image);
        List<RunSpec> specs = new ArrayList<>();
        for (String w : plan.workloads())
            for (int cpus = plan.cpusMin(); cpus <= plan.cpusMax(); cpus++)
                for (long s = plan.firstSeed(); s < plan.firstSeed() + plan.seeds(); s++) {
                    if (!plan.shard().holds(s)) continue;
                    MachineConfig m = plan.machine().withCpus(cpus).withSchedule(Schedule.PCT, s)
                            .withPct(new PctParameters(plan.pctDepth(), horizons.get(w + "/" + cpus)));
                    specs.add(RunSpec.of(plan.kernel(), m, w, plan.maxSteps()));
                }
        CheckReport report = new CheckReport(List.copyOf(plan.invariants()), plan.workloads(), plan.shard().toString());
        ExecutorService pool = Executors.newFixedThreadPool(plan.jobs(), r -> {
            Thread t = new Thread(r, "tk86-check");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (RunSpec spec : specs)
                futures.add(pool.submit(() -> {
                    RunVerdict v = RunExecution.run(image, spec, plan.invariants(), b -> { }).verdict();
                    report.add(v);
                    progress.ran(v);
                }));
            for (Future<?> f : futures) await(f);
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        report.setElapsed((System.nanoTime() - start) / 1e9);
        return report;
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for runs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One round-robin run per workload and CPU count: checks the name, measures the horizon. */
    private static Map<String, Long> calibrate(CheckPlan plan, Path image) {
        Map<String, Long> horizons = new LinkedHashMap<>();
        for (String w : plan.workloads())
            for (int cpus = plan.cpusMin(); cpus <= plan.cpusMax(); cpus++) {
                MachineConfig m = plan.machine().withCpus(cpus).withSchedule(Schedule.ROUND_ROBIN, 0);
                RunExecution.Result r = RunExecution.run(image, RunSpec.of(plan.kernel(), m, w, plan.maxSteps()), java.util.Set.of(), b -> { });
                RunResult rr = r.outcome().result();
                if (rr.reason() == RunResult.Reason.POWER_OFF && rr.exitStatus() == WORKLOAD_USAGE)
                    throw new BadInputException("--workloads: the kernel refuses '" + w + "': " + usageLine(r.outcome().console()));
                horizons.put(w + "/" + cpus, Math.max(1, rr.steps()));
            }
        return horizons;
    }

    /** The kernel's usage complaint, folded onto one line. */
    private static String usageLine(String console) {
        String t = console.strip();
        int i = t.lastIndexOf("workload");
        String tail = i >= 0 ? t.substring(Math.max(0, t.lastIndexOf('\n', i) + 1)) : t;
        return tail.replace('\n', ' ').replaceAll("\\s+", " ");
    }
}
