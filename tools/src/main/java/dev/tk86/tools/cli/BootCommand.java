package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.BootExitCodes;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.BootReport;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.boot.MemorySize;
import java.io.PrintWriter;
import java.nio.file.Path;
import dev.tk86.tools.trace.TraceConfig;
import dev.tk86.tools.trace.TraceOptions;
import dev.tk86.tools.trace.Tracing;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 boot}: boot a kernel image and run it until it powers off. */
@Command(name = "boot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Boot a kernel image (ELF64, docs/boot.md) on a fresh machine and run it until",
                "it powers off, panics, triple-faults, hangs or reaches --max-steps. The",
                "console (port 0xE9 and the 16550 at 0x3F8) is printed as the guest writes it,",
                "then a summary: how the run ended and the machine's counters (steps, x86",
                "instructions, TKL statements, %%cr3 loads, TLB flushes, IPIs, ...). Without",
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
    /** How CPUs take turns; the names users type. */
    enum ScheduleName { rr, random, pct }

    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: the GENERIC image)")
    Path image;

    @Option(names = "--cpus", paramLabel = "N", description = "CPUs, 1..64 (default: ${DEFAULT-VALUE})")
    int cpus = 2;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the random schedule (default: ${DEFAULT-VALUE})")
    long seed = 0;

    @Option(names = "--schedule", paramLabel = "rr|random|pct",
            description = "round-robin quanta; random CPUs for random quanta of 1..2Q steps; or PCT priorities with random quanta and timer jitter; all drawn from the seed (default: ${DEFAULT-VALUE})")
    ScheduleName schedule = ScheduleName.rr;

    @Option(names = "--pct-depth", paramLabel = "D", description = "PCT: bug depth, D-1 priority change points (default: ${DEFAULT-VALUE})")
    int pctDepth = PctParameters.DEFAULT_DEPTH;

    @Option(names = "--pct-horizon", paramLabel = "N", description = "PCT: change points fall in steps 1..N (default: ${DEFAULT-VALUE})")
    long pctHorizon = PctParameters.DEFAULT_HORIZON;

    @Option(names = "--quantum", paramLabel = "Q", description = "steps per turn of a CPU (default: ${DEFAULT-VALUE})")
    int quantum = 1000;

    @Option(names = "--memory", paramLabel = "SIZE", description = "RAM, e.g. 64M or 1G (default: 64M)")
    String memory = "64M";

    @Option(names = "--cmdline", paramLabel = "TEXT", description = "the kernel's command line (boot info, docs/boot.md 4.2)")
    String cmdline = "";

    @Mixin VendorOption vendor;

    @Option(names = "--max-steps", paramLabel = "N", description = "step budget of the whole machine (default: ${DEFAULT-VALUE})")
    long maxSteps = 1_000_000_000L;

    @Option(names = "--json", description = "print only one JSON object at the end: exit_status, panic, panic_report, console, counters, stop, detail")
    boolean json;

    @Mixin TraceOptions trace;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        BootOptions options = options();
        TraceConfig traceConfig = trace.config();
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
            o = GuestBoot.run(img, options, json ? b -> { } : b -> {
                out.print((char) b);
                if (b == '\n') out.flush();
            }, k -> tracing[0] = Tracing.attach(k, traceConfig, err));
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

    private BootOptions options() {
        if (cpus < 1 || cpus > 64) throw new BadInputException("--cpus: must be 1..64, got " + cpus);
        if (quantum < 1) throw new BadInputException("--quantum: must be at least 1, got " + quantum);
        if (maxSteps < 1) throw new BadInputException("--max-steps: must be at least 1, got " + maxSteps);
        if (pctDepth < 1) throw new BadInputException("--pct-depth: must be at least 1, got " + pctDepth);
        if (pctHorizon < 1) throw new BadInputException("--pct-horizon: must be at least 1, got " + pctHorizon);
        Schedule s = switch (schedule) {
            case rr -> Schedule.ROUND_ROBIN;
            case random -> Schedule.RANDOM;
            case pct -> Schedule.PCT;
        };
        MachineConfig m = MachineConfig.defaults().withCpus(cpus).withMemory(MemorySize.parse(memory)).withSchedule(s, seed)
                .withQuantum(quantum).withVendor(vendor.vendor()).withPct(new PctParameters(pctDepth, pctHorizon));
        return new BootOptions(m, cmdline, maxSteps);
    }
}
