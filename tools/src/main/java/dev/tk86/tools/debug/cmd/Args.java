package dev.tk86.tools.debug.cmd;

import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.Locations;

/** Small helpers for command arguments, each failing with one line naming what was expected. */
final class Args {
    private Args() { }

    static void none(String command, String args) {
        if (!args.isEmpty()) throw new DebugException(command + " takes no arguments, got '" + args + "'");
    }

    static int count(String command, String args, int dflt) {
        if (args.isEmpty()) return dflt;
        Long n = Locations.parseNumber(args);
        if (n == null || n < 1 || n > 1_000_000) throw new DebugException(command + ": '" + args + "' is not a count; expected a number 1..1000000");
        return (int) (long) n;
    }

    static int cpu(String command, String args) {
        Long n = Locations.parseNumber(args);
        if (n == null) throw new DebugException(command + ": expected a CPU number, got '" + args + "'");
        return (int) (long) n;
    }
}
