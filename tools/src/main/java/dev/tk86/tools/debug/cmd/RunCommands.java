package dev.tk86.tools.debug.cmd;

import dev.tk86.tools.debug.Stop;
import java.util.function.IntFunction;

/** si, s, n, finish, c, and selecting the CPU that steps. */
final class RunCommands {
    private RunCommands() { }

    static void register(CommandTable t) {
        t.add("si|stepi", "si [N]", "one x86 instruction (or TKL step) of the selected CPU; the others run as the interleaver orders",
                (s, a) -> repeat(s, Args.count("si", a, 1), s.controller()::stepInstruction));
        t.add("s|step", "s [N]", "to the next TKL statement (into calls); one instruction in machine code",
                (s, a) -> repeat(s, Args.count("s", a, 1), s.controller()::stepStatement));
        t.add("n|next", "n [N]", "like s, over calls", (s, a) -> repeat(s, Args.count("n", a, 1), s.controller()::next));
        t.add("finish", "finish", "until the current function returns", (s, a) -> {
            Args.none("finish", a);
            s.report(s.controller().finish(s.cpuId()));
        });
        t.add("c|continue|cont", "c", "run every CPU until a breakpoint, a watchpoint or the end", (s, a) -> {
            Args.none("c", a);
            s.report(s.controller().cont());
        });
        t.add("cpu", "cpu N", "select CPU N for stepping and inspection (the interleaving does not change)", RunCommands::cpu);
        t.add("machine ddbcpu", "machine ddbcpu N", "ddb's name for cpu N", RunCommands::cpu);
    }

    private static void cpu(Session s, String a) {
        s.selectCpu(Args.cpu("cpu", a));
        s.out().println(s.location());
    }

    private static void repeat(Session s, int n, IntFunction<Stop> step) {
        Stop st = null;
        for (int i = 0; i < n; i++) {
            st = step.apply(s.cpuId());
            if (st.kind() != Stop.Kind.STEP) break;
        }
        s.report(st);
    }
}
