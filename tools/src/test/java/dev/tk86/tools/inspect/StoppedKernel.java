package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import java.nio.file.Path;
import java.util.function.Predicate;

/** Test support: boots an image and runs it until a CPU is about to execute a step the predicate picks. */
final class StoppedKernel {
    private StoppedKernel() { }

    static KernelInspector boot(Path image, int cpus) {
        TklRuntimeBinder binder = new TklRuntimeBinder();
        try {
            BootedImage b = BootLoader.boot(image, MachineConfig.defaults().withCpus(cpus), "", binder);
            return KernelInspector.of(b, binder.runtime().orElse(null));
        } catch (ImageException e) {
            return fail(e.getMessage());
        }
    }

    /** Runs until {@code stop} holds before a step; fails if the machine ends first. */
    static Cpu runUntil(KernelInspector k, Predicate<Cpu> stop) {
        Cpu[] hit = new Cpu[1];
        k.machine().setHook(c -> {
            if (stop.test(c)) { hit[0] = c; return false; }
            return true;
        });
        RunResult r = k.machine().run(50_000_000);
        k.machine().setHook(null);
        assertEquals(RunResult.Reason.STOPPED, r.reason(), () -> "the kernel ended before the stop: " + r.detail());
        return hit[0];
    }

    /** Runs until a CPU reaches the first step of {@code function}. */
    static Cpu runTo(KernelInspector k, String function) {
        long a = k.image().address(function);
        return runUntil(k, c -> c.rip == a);
    }
}
