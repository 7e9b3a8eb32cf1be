package dev.tk86.tools.bench;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * One {@code Machine.run} to its end, timed by the host's wall clock and by this thread's CPU
 * time (which other processes on the same cores disturb less). Benchmarks are the only place
 * tk86 reads the host clock, and they read it outside the machine.
 */
record TimedRun(RunResult result, long wallNanos, long cpuNanos) {
    static TimedRun of(Machine m) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long c0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RunResult r = m.run(Long.MAX_VALUE);
        long t1 = System.nanoTime();
        long c1 = threads.getCurrentThreadCpuTime();
        return new TimedRun(r, t1 - t0, c1 - c0);
    }
}
