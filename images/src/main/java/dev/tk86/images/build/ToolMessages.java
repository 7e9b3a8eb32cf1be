package dev.tk86.images.build;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the errors out of what cpp, as and ld print, one line each, keeping the tool's own
 * {@code file:line}: cpp's line markers make as report the .S file and line rather than the
 * preprocessed one, and the line tables of {@code as -g} let ld name the source line of an
 * undefined reference. Whatever a tool prints that is not recognised is kept as is, so no
 * message is ever lost.
 */
final class ToolMessages {
    private ToolMessages() { }

    /** cpp: {@code file:line:col: error: message} and {@code fatal error}; the source excerpts it adds are dropped. */
    private static final Pattern CPP = Pattern.compile("^(\\S.*?:\\d+(?::\\d+)?): (?:fatal )?error: (.*)$");
    /** as: {@code file:line: Error: message} (warnings are reported separately). */
    private static final Pattern AS = Pattern.compile("^(\\S.*?:\\d+): (Error|Warning): (.*)$");
    /** ld: a context line ({@code ld: x.o: in function `f':}) that belongs to the next message. */
    private static final Pattern LD_CONTEXT = Pattern.compile("^(?:ld: )?(.*): in function [`'](.*)':$");

    static List<String> cpp(String output) {
        List<String> errors = new ArrayList<>();
        for (String l : output.lines().toList()) {
            Matcher m = CPP.matcher(l);
            if (m.matches()) errors.add(m.group(1) + ": error: " + m.group(2));
        }
        return errors.isEmpty() ? raw(output) : errors;
    }

    static List<String> asErrors(String output) {
        List<String> errors = new ArrayList<>();
        for (String l : output.lines().toList()) {
            Matcher m = AS.matcher(l);
            if (m.matches() && m.group(2).equals("Error")) errors.add(m.group(1) + ": Error: " + m.group(3));
        }
        return errors.isEmpty() ? raw(output) : errors;
    }

    static List<String> asWarnings(String output) {
        List<String> warnings = new ArrayList<>();
        for (String l : output.lines().toList()) {
            Matcher m = AS.matcher(l);
            if (m.matches() && m.group(2).equals("Warning")) warnings.add(m.group(1) + ": Warning: " + m.group(3));
        }
        return warnings;
    }

    static List<String> ld(String output) {
        List<String> errors = new ArrayList<>();
        String context = null;
        for (String l : output.lines().filter(s -> !s.isBlank()).toList()) {
            Matcher c = LD_CONTEXT.matcher(l);
            if (c.matches()) {
                context = " (in function `" + c.group(2) + "')";
                continue;
            }
            String msg = l.startsWith("ld: ") ? l.substring(4) : l;
            errors.add(context == null ? msg : msg + context);
            context = null;
        }
        return errors;
    }

    /** Every non-blank line but as's "Assembler messages:" header. */
    static List<String> raw(String output) {
        return output.lines().filter(l -> !l.isBlank() && !l.endsWith("Assembler messages:")).toList();
    }
}
