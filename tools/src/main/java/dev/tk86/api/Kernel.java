package dev.tk86.api;

import dev.tk86.tools.check.CheckPlan;
import dev.tk86.tools.check.CheckReport;
import dev.tk86.tools.check.CheckRunner;
import dev.tk86.tools.check.ImageSource;
import dev.tk86.tools.check.Invariants;
import dev.tk86.tools.check.Progress;
import dev.tk86.tools.check.RunSpec;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.monitor.Monitors;
import dev.tk86.loader.ImageException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A kernel for a user's own tests: an image file, or a configuration of this checkout built
 * with patches. Boot it as often as needed; each {@link #boot} is a fresh machine.
 *
 * <pre>{@code
 * Kernel k = Kernel.builder().config("REAPER").patch(Path.of("my-locore.diff")).build();
 * try (Run run = k.boot(BootSpec.builder().cpus(2).seed(7).workload("forkexit").build())) { ... }
 * }</pre>
 */
public final class Kernel {
    private final ImageSource source;

    private Kernel(ImageSource source) { this.source = source; }

    public static Builder builder() { return new Builder(); }

    /** The image, built on first use for a configuration. A build that fails throws with its first error. */
    public Path image() { return source.image(); }

    public String label() { return source.label(); }

    /** A fresh machine with this kernel loaded, ready to step; monitors as the spec says. */
    public Run boot(BootSpec spec) {
        Path image = image();
        RunSpec run = new RunSpec(source, spec.machine(), spec.workload(), spec.commandLine(), spec.maxSteps());
        KernelInspector k;
        try {
            k = GuestBoot.boot(image, run.bootOptions());
        } catch (ImageException e) {
            throw new IllegalArgumentException(image + ": " + e.getMessage(), e);
        }
        return new Run(k, run, Monitors.attach(k, spec.invariants()));
    }

    /** {@code tk86 check} on this kernel: workloads x seeds under PCT, with every monitor. */
    public CheckReport check(CheckSpec spec) {
        CheckPlan plan = new CheckPlan(source, spec.workloads(), spec.cpusMin(), spec.cpusMax(), spec.firstSeed(), spec.seeds(),
                dev.tk86.tools.check.Shard.ALL, spec.jobs(), spec.machine(), spec.pctDepth(), spec.maxSteps(),
                spec.invariants().isEmpty() ? Invariants.parse("all") : spec.invariants());
        return CheckRunner.run(plan, Progress.off());
    }

    /** Builds a {@link Kernel}: exactly one of {@link #image} or {@link #config}. */
    public static final class Builder {
        private Path image;
        private String config;
        private final List<Path> patches = new ArrayList<>();

        /** An image file (ELF64, docs/boot.md). */
        public Builder image(Path p) { image = p; return this; }

        /** A configuration: images/conf/NAME of this checkout, or a configuration file. */
        public Builder config(String name) { config = name; return this; }

        /** A diff applied to the copy of the kernel tree before the build (repeatable). */
        public Builder patch(Path diff) { patches.add(diff); return this; }

        public Kernel build() {
            if ((image == null) == (config == null)) throw new IllegalStateException("give a kernel image or a configuration, not both or neither");
            if (image != null && !patches.isEmpty()) throw new IllegalStateException("patches apply to a configuration, not to a built image");
            return new Kernel(image != null ? new ImageSource.File(image) : new ImageSource.Configured(config, patches));
        }
    }
}
