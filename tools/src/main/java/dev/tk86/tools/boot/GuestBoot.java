package dev.tk86.tools.boot;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * One boot: load the image on a fresh machine (the loader checks it, binds its TKL program and
 * sets up the boot protocol), pass the console to {@code console} byte by byte as the guest
 * writes it, and run until the machine stops or the step budget is spent.
 */
public final class GuestBoot {
    private GuestBoot() { }

    public static BootOutcome run(Path image, BootOptions options, IntConsumer console) throws ImageException {
        BootedImage booted = BootLoader.boot(image, options.machine(), options.commandLine(), new TklRuntimeBinder());
        Machine m = booted.machine();
        m.console().setListener(console);
        RunResult r = m.run(options.maxSteps());
        return new BootOutcome(r, m.panicMessage(), m.console().text(), m.counters());
    }
}
