package dev.tk86.tools.inspect.proc;

import java.util.List;

/** ps as ddb prints it: one thread per line, the running ones marked with their CPU. */
public final class ProcessFormat {
    private ProcessFormat() { }

    public static String text(List<ThreadInfo> threads) {
        if (threads.isEmpty()) return "no processes (the kernel has no process table yet)\n";
        StringBuilder sb = new StringBuilder(String.format("%6s %6s %-8s %4s %10s %18s  %s%n", "PID", "TID", "STAT", "CPU", "FLAGS", "PROC", "COMMAND"));
        for (ThreadInfo t : threads) {
            sb.append(String.format("%6d %6d %-8s %4s %10s %18s  %s%n", t.pid(), t.tid(), t.state(), t.cpu() < 0 ? "-" : Integer.toString(t.cpu()),
                    t.flags() < 0 ? "-" : String.format("0x%x", t.flags()), String.format("0x%x", t.address()), t.command()));
        }
        return sb.toString();
    }
}
