package dev.tk86.tools.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tk86 x86}: raw x86-64 bytes, outside any kernel image. */
@Command(name = "x86", mixinStandardHelpOptions = true,
        description = "Run, decode and disassemble raw x86-64 bytes.",
        subcommands = {X86RunCommand.class, X86DecodeCommand.class, X86DisasmCommand.class})
final class X86Command implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command: run, decode or disasm");
    }
}
