package dev.tk86.tools.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the tk86 command line in-process, capturing what it prints. */
public final class Cli {
    public record Outcome(int status, String out, String err) {
        /** stdout's only line (the JSON of a single run). */
        String line() {
            String t = out.strip();
            if (t.contains("\n")) throw new AssertionError("expected one line of output, got:\n" + out);
            return t;
        }
    }

    private Cli() { }

    public static Outcome run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int status = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Outcome(status, out.toString(), err.toString());
    }
}
