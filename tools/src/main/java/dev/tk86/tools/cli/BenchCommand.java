package dev.tk86.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tk86 bench}: benchmarks (figures go to docs/performance.md). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchIsaCommand.class, BenchBootCommand.class, BenchTklCommand.class, BenchKernelCommand.class, BenchDebugCommand.class})
final class BenchCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a benchmark: isa, boot, tkl, kernel or debug");
    }
}
