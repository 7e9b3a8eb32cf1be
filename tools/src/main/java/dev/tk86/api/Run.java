package dev.tk86.api;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.tools.check.RunSpec;
import dev.tk86.tools.inspect.CpuView;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.inspect.Value;
import dev.tk86.tools.monitor.Violation;
import dev.tk86.tools.monitor.Watch;
import java.util.Map;
import java.util.Optional;

/**
 * A booted machine in a user's test: step it, read kernel state by symbol and TKL type, ask
 * the monitors. Reading never changes the machine, so a test may look as often as it likes
 * without changing the run.
 */
public final class Run implements AutoCloseable {
    private final KernelInspector kernel;
    private final RunSpec spec;
    private final Watch watch;
    private RunResult last;

    Run(KernelInspector kernel, RunSpec spec, Watch watch) {
        this.kernel = kernel;
        this.spec = spec;
        this.watch = watch;
    }

    /** Runs up to {@code steps} more steps (fewer if the guest stops, panics or a monitor fires). */
    public RunResult step(long steps) {
        last = kernel.machine().run(steps);
        return last;
    }

    /** Runs until the guest stops or the spec's step budget is spent. */
    public RunResult runToEnd() { return step(spec.maxSteps()); }

    /** True once the guest powered off, panicked, faulted or a monitor stopped it. */
    public boolean finished() { return kernel.machine().isStopped() || watch.context().reporter().violated(); }

    /** The value of a TKL expression as CPU 0 sees it: {@code kc_exits}, {@code curcpu()->ci_cpuid}, ... */
    public long read(String expression) { return read(0, expression); }

    /** The value of a TKL expression as CPU {@code cpu} sees it. */
    public long read(int cpu, String expression) {
        CpuView v = kernel.cpu(cpu);
        Value x = v.evaluate(expression);
        return v.reader().scalar(x);
    }

    /** An expression formatted as the debugger prints it (structs by field). */
    public String print(int cpu, String expression) { return kernel.cpu(cpu).print(expression); }

    /** The introspection view of one CPU: backtraces, threads, typed memory. */
    public CpuView cpu(int cpu) { return kernel.cpu(cpu); }

    /** Every kc_* counter of the kernel, without the prefix. */
    public Map<String, Long> kernelCounters() { return kernel.counters(); }

    /** The machine's own counters (steps, TLB, IPIs, ...). */
    public Map<String, Long> machineCounters() { return kernel.machine().counters(); }

    public String console() { return kernel.machine().console().text(); }

    /** The first monitor violation, once the run has ended (end-of-run checks included). */
    public Optional<Violation> violation() { return watch.finish(); }

    /** The command that replays this run with tk86 replay. */
    public String replayCommand() { return spec.replayCommand(); }

    public KernelInspector inspector() { return kernel; }

    @Override public void close() { kernel.machine().setHook(null); }
}
