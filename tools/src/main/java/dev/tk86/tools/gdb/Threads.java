package dev.tk86.tools.gdb;

import dev.tk86.tools.debug.DebugTarget;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import java.util.Optional;

/**
 * Each emulated CPU is a gdb thread: thread id = CPU number + 1 (gdb reserves 0 and -1). The
 * extra info names the CPU and the kernel thread it runs (pid, tid, command) when the kernel
 * has processes.
 */
final class Threads {
    private Threads() { }

    static int tid(int cpu) { return cpu + 1; }

    /** The CPU of gdb thread id text {@code s} ("-1" and "0" mean any: -1 is returned); null if malformed or no such CPU. */
    static Integer cpu(DebugTarget t, String s) {
        if (s.equals("-1") || s.equals("0")) return -1;
        if (s.startsWith("p")) { // multiprocess form p<pid>.<tid>
            int dot = s.indexOf('.');
            if (dot < 0) return -1;
            s = s.substring(dot + 1);
            if (s.equals("-1") || s.equals("0")) return -1;
        }
        try {
            int tid = Integer.parseInt(s, 16);
            return tid >= 1 && tid <= t.cpuCount() ? tid - 1 : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String describe(DebugTarget t, int cpu) {
        String state = t.cpu(cpu).state.name().toLowerCase();
        return "cpu" + cpu + " (" + state + ")" + running(t, cpu).map(p -> String.format(": pid %d tid %d %s", p.pid(), p.tid(), p.command())).orElse("");
    }

    private static Optional<ThreadInfo> running(DebugTarget t, int cpu) {
        try {
            return t.inspector().cpu(cpu).curproc();
        } catch (RuntimeException e) {
            return Optional.empty(); // a kernel half way through a switch may not be readable: the CPU is still named
        }
    }

    static String xml(DebugTarget t) {
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\"?>\n<threads>\n");
        for (int i = 0; i < t.cpuCount(); i++)
            x.append(String.format("  <thread id=\"%x\" core=\"%d\" name=\"cpu%d\">%s</thread>%n", tid(i), i, i, escape(describe(t, i))));
        return x.append("</threads>\n").toString();
    }

    private static String escape(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }
}
