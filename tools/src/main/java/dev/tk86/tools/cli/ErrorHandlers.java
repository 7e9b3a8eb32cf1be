package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.ToolFailureException;
import dev.tk86.tools.json.JsonException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Every error reaches the user as one line on stderr, {@code tk86: ...}, with an exit status
 * from {@link ExitCodes}; never a stack trace. An internal error names the frame it came from.
 */
final class ErrorHandlers implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        cmd.getErr().println("tk86: " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
        cmd.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        cmd.getOut().flush();
        if (ex instanceof BadInputException || ex instanceof JsonException) {
            cmd.getErr().println("tk86: " + oneLine(ex.getMessage()));
            cmd.getErr().flush();
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof ToolFailureException) {
            cmd.getErr().println("tk86: " + oneLine(ex.getMessage()));
            cmd.getErr().flush();
            return ExitCodes.FAILURE;
        }
        // A bug in tk86, not in the input: still one line, naming where it happened so a report
        // of it points at the code.
        StackTraceElement[] at = ex.getStackTrace();
        cmd.getErr().println("tk86: internal error: " + oneLine(String.valueOf(ex))
                + (at.length > 0 ? " at " + at[0] : "") + " (please report it with the command that caused it)");
        cmd.getErr().flush();
        return ExitCodes.INTERNAL;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace("\r", "").replace('\n', ' ').trim();
    }
}
