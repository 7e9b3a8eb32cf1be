package dev.tk86.tools.inspect;

import dev.tk86.isa.machine.Machine;
import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.loader.boot.BootedImage;
import java.util.Map;

/**
 * The entry point of kernel introspection: a booted image and its machine. Pick a CPU with
 * {@link #cpu(int)} for anything read through page tables (values, backtraces, ps); kernel
 * counters need none.
 *
 * <pre>{@code
 * TklRuntimeBinder binder = new TklRuntimeBinder();
 * BootedImage b = BootLoader.boot(image, config, cmdline, binder);
 * KernelInspector k = KernelInspector.of(b, binder.runtime().orElse(null));
 * ... run the machine, stop it ...
 * k.cpu(1).print("curcpu()->ci_cpuid");   k.cpu(0).backtraceText();   k.counters();
 * }</pre>
 */
public final class KernelInspector {
    private final KernelImage image;
    private final Machine machine;

    public KernelInspector(KernelImage image, Machine machine) {
        this.image = image;
        this.machine = machine;
    }

    public static KernelInspector of(BootedImage booted, TklRuntime runtime) {
        return new KernelInspector(KernelImage.of(booted, runtime), booted.machine());
    }

    public KernelImage image() { return image; }

    public Machine machine() { return machine; }

    public CpuView cpu(int id) {
        if (id < 0 || id >= machine.cpus().size())
            throw InspectException.of("no cpu%d (the machine has %d CPUs: 0..%d)", id, machine.cpus().size(), machine.cpus().size() - 1);
        return new CpuView(image, machine.cpu(id));
    }

    /** Every kc_* counter of the kernel, without the prefix. */
    public Map<String, Long> counters() { return KernelCounters.read(image, machine.memory()); }
}
