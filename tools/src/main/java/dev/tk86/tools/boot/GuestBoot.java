package dev.tk86.tools.boot;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.inspect.PanicReport;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

/**
 * One boot: load the image on a fresh machine (the loader checks it, binds its TKL program and
 * sets up the boot protocol), pass the console to {@code console} byte by byte as the guest
 * writes it, and run until the machine stops or the step budget is spent. Afterwards the
 * kernel is inspected for its counters and, after a panic, the panic report.
 */
public final class GuestBoot {
    private GuestBoot() { }

    /** A booted machine before its run: where tracers and monitors attach (they must not run the machine). */
    @FunctionalInterface
    public interface Attach {
        void attach(KernelInspector kernel);
    }

    public static BootOutcome run(Path image, BootOptions options, IntConsumer console) throws ImageException {
        return run(image, options, console, k -> { });
    }

    public static BootOutcome run(Path image, BootOptions options, IntConsumer console, Attach attach) throws ImageException {
        KernelInspector k = boot(image, options);
        Machine m = k.machine();
        m.console().setListener(console);
        attach.attach(k);
        RunResult r = m.run(options.maxSteps());
        return outcome(k, r);
    }

    /** Loads the image on a fresh machine, ready to run. */
    public static KernelInspector boot(Path image, BootOptions options) throws ImageException {
        TklRuntimeBinder binder = new TklRuntimeBinder();
        BootedImage booted = BootLoader.boot(image, options.machine(), options.commandLine(), binder);
        return KernelInspector.of(booted, binder.runtime().orElse(null));
    }

    /** What a finished run of {@code k}'s machine leaves: result, panic report, console and counters. */
    public static BootOutcome outcome(KernelInspector k, RunResult r) {
        Machine m = k.machine();
        Optional<PanicReport> panic = r.reason() == RunResult.Reason.PANIC && m.panicCpu() >= 0
                ? Optional.of(PanicReport.read(k, m.panicCpu(), m.panicMessage())) : Optional.empty();
        Map<String, Long> machine = m.counters(), kernel = k.counters();
        return new BootOutcome(r, m.panicMessage(), panic, m.console().text(), machine, kernel, PerExitCosts.of(kernel, machine));
    }
}
