package dev.tk86.tools.cli;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code tk86}: the command line of the emulator. */
@Command(name = "tk86", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "A bytecode-level emulator of a toy OpenBSD/amd64-like kernel.",
        subcommands = {BootCommand.class, DebugCommand.class, BuildCommand.class, CheckCommand.class, ReplayCommand.class, CompareCommand.class, X86Command.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a command: boot, debug, build, check, replay, x86 or bench");
    }

    /** The command line with tk86's error handling, writing to the given streams. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        ErrorHandlers handlers = new ErrorHandlers();
        CommandLine cl = new CommandLine(new Main())
                .setOut(out)
                .setErr(err)
                .setParameterExceptionHandler(handlers)
                .setExecutionExceptionHandler(handlers)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setUsageHelpAutoWidth(true);
        exitCodesInHelp(cl);
        return cl;
    }

    private static void exitCodesInHelp(CommandLine cl) {
        // Commands with their own statuses (boot, build) declare them; the others share ExitCodes.
        if (cl.getCommandSpec().usageMessage().exitCodeList().isEmpty())
            cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit status:%n").exitCodeList(ExitCodes.help());
        for (CommandLine sub : cl.getSubcommands().values()) exitCodesInHelp(sub);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int status = commandLine(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
