package dev.tk86.tools.kernel;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.GuestBoot;
import java.nio.file.Path;

/**
 * Boots of the toy kernel for the workload tests, in-process: one machine per run, the image's
 * TKL program compiled once per JVM (the runtime caches it by the bundle's hash).
 */
final class KernelRuns {
    private KernelRuns() { }

    /** A step budget far above any workload's default run (~1.5 M steps), below a runaway's cost. */
    static final long MAX_STEPS = 200_000_000L;

    /** seed < 0: round-robin; else the random schedule with that seed and a short quantum. */
    static BootOutcome boot(Path image, int cpus, long seed, String cmdline) {
        MachineConfig m = MachineConfig.defaults().withCpus(cpus);
        if (seed >= 0) m = m.withSchedule(Schedule.RANDOM, seed).withQuantum(97);
        try {
            return GuestBoot.run(image, new BootOptions(m, cmdline, MAX_STEPS), b -> { });
        } catch (ImageException e) {
            throw new AssertionError(image + ": " + e.getMessage(), e);
        }
    }

    static String describe(BootOutcome o) {
        String c = o.console();
        int from = Math.max(0, c.length() - 1500);
        return o.stop() + " status " + o.exitStatus() + (o.panic() != null ? " panic: " + o.panic() : "") + "\n..." + c.substring(from);
    }

    static boolean clean(BootOutcome o) {
        Long s = o.exitStatus();
        return s != null && s == 0 && o.console().contains("\nno leaks: every uarea, vmspace, page-table page, page and proc came back\n");
    }
}
