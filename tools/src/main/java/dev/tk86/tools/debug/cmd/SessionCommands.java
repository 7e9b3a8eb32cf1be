package dev.tk86.tools.debug.cmd;

import dev.tk86.tools.debug.DebugException;

/** help, quit, settings. */
final class SessionCommands {
    private SessionCommands() { }

    static void register(CommandTable t) {
        t.add("help|h|?", "help", "this list", (s, a) -> {
            for (CommandTable.Entry e : s.commands().entries()) s.out().printf("  %-34s %s%n", e.usage(), e.help());
        });
        t.add("quit|q|exit", "quit", "leave the debugger", (s, a) -> s.requestQuit());
        t.add("set step-irq", "set step-irq on|off", "whether steps go into timer and IPI handlers (default off)", (s, a) -> {
            if (!a.equals("on") && !a.equals("off")) throw new DebugException("set step-irq: expected on or off, got '" + a + "'");
            s.controller().setStepIntoInterrupts(a.equals("on"));
            s.out().println("step-irq " + a);
        });
        t.add("info cpus|info threads", "info cpus", "every CPU: state, rip, and what it runs", (s, a) -> {
            for (var c : s.target().machine().cpus()) {
                String runs = s.target().inspector().cpu(c.id).curproc().map(p -> String.format(" pid %d tid %d %s", p.pid(), p.tid(), p.command())).orElse("");
                s.out().printf("%s cpu%d %-8s %s%s%n", c.id == s.cpuId() ? "*" : " ", c.id, c.state.name().toLowerCase(), s.target().where(c.rip), runs);
            }
        });
    }
}
