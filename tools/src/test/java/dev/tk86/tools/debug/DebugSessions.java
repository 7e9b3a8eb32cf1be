package dev.tk86.tools.debug;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.debug.cmd.Session;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** A debugger session on a test image, driven command by command, its output captured per command. */
final class DebugSessions {
    final Session session;
    private final StringWriter buffer = new StringWriter();

    private DebugSessions(Path image, int cpus) throws Exception {
        BootOptions o = new BootOptions(MachineConfig.defaults().withCpus(cpus), "", 200_000_000L);
        DebugTarget t = DebugTarget.boot(image, o);
        session = new Session(new Controller(t, o.maxSteps()), new PrintWriter(buffer, true));
    }

    static DebugSessions smoke(int cpus) throws Exception { return new DebugSessions(TestImages.of("SMOKE"), cpus); }

    static DebugSessions of(String config, int cpus) throws Exception { return new DebugSessions(TestImages.of(config), cpus); }

    /** Runs one command line; returns what it printed. */
    String run(String line) {
        buffer.getBuffer().setLength(0);
        session.execute(line);
        return buffer.toString();
    }

    DebugTarget target() { return session.target(); }

    long reg(int cpu, int r) { return target().cpu(cpu).r[r]; }

    long value(String expr) { return session.locations().number(expr, session.cpu()); }
}
