package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.boot.BootExitCodes;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.BootReport;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.gdb.GdbBoot;
import dev.tk86.tools.gdb.GdbOptions;
import dev.tk86.tools.gdb.GdbServer;
import java.io.PrintWriter;
import java.util.function.IntConsumer;
import java.nio.file.Path;
import dev.tk86.tools.trace.TraceConfig;
import dev.tk86.tools.trace.TraceOptions;
import dev.tk86.tools.trace.Tracing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 boot}: boot a kernel image and run it until it powers off. */
@Command(name = "boot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Boot a kernel image (ELF64, docs/boot.md) on a fresh machine and run it until",
                "it powers off, panics, triple-faults, hangs or reaches --max-steps. The",
                "console (port 0xE9 and the 16550 at 0x3F8) is printed as the guest writes it,",
                "then a summary: how the run ended (after a panic: the CPU, the thread and a",
                "backtrace across x86 and TKL frames), the machine's counters (steps, x86",
                "instructions, TKL statements, %%cr3 loads, TLB flushes, IPIs, ...), the",
                "kernel's kc_* counters without the prefix and the costs per exit. --trace",
                "writes what happened as it happens; --perfetto a timeline. Without",
                "IMAGE, boots images/target/images/GENERIC.elf, building it first if needed. A",
                "run is a function of (image, options, seed): the same inputs print the same",
                "bytes. The exit status is the guest's own when it powers off; a guest status",
                "of 2..7 reads like one of tk86's codes below, and --json says which it was."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
                "0..255:the guest powered off (port 0x501) with this exit status (clamped)",
                "     2:bad options, or an image that cannot be booted (tk86: IMAGE: reason)",
                "     3:the kernel panicked",
                "     4:a CPU shut down with a triple fault",
                "     5:the step limit (--max-steps) was reached",
                "     6:every CPU halted with nothing left to wake one",
                "     7:no IMAGE given and the default image could not be built",
                "    70:internal error in tk86"})
final class BootCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: the GENERIC image)")
    Path image;

    @Mixin MachineOptions machine;

    @Mixin GdbOptions gdb;

    @Option(names = "--json", description = "print only one JSON object at the end: exit_status, panic, panic_report, console, counters, stop, detail")
    boolean json;

    @Mixin TraceOptions trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        BootOptions options = machine.toBootOptions();
        TraceConfig traceConfig = trace.config();
        GdbServer server = gdb.open(); // a port in use is an error before the guest starts
        Path img = image;
        if (img == null) {
            try {
                img = DefaultImage.resolve(SourceLayout.locate(), err);
            } catch (BuildException e) {
                err.println("tk86: cannot build the default image: " + e.headline());
                for (String line : e.errors()) err.println(line);
                err.flush();
                return BootExitCodes.NO_DEFAULT_IMAGE;
            }
        }
        BootOutcome o;
        Tracing[] tracing = new Tracing[1];
        try {
            IntConsumer console = json ? b -> { } : b -> {
                out.print((char) b);
                if (b == '\n') out.flush();
            };
            GuestBoot.Attach attach = k -> tracing[0] = Tracing.attach(k, traceConfig, err);
            o = server == null ? GuestBoot.run(img, options, console, attach)
                    : GdbBoot.run(img, options, console, attach, server, gdb.waitForGdb(), err);
            tracing[0].finish();
        } catch (ImageException e) {
            out.flush();
            err.println("tk86: " + img + ": " + ErrorHandlers.oneLine(e.getMessage()));
            err.flush();
            return BootExitCodes.IMAGE;
        }
        if (json) {
            out.println(BootReport.json(o));
        } else {
            if (!o.console().isEmpty() && !o.console().endsWith("\n")) out.println();
            out.print(BootReport.text(o));
        }
        out.flush();
        return BootExitCodes.of(o);
    }
}
