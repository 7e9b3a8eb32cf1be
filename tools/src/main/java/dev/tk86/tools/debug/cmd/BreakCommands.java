package dev.tk86.tools.debug.cmd;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.debug.Breakpoint;
import dev.tk86.tools.debug.Condition;
import dev.tk86.tools.debug.DebugException;
import dev.tk86.tools.debug.ExprCondition;
import dev.tk86.tools.debug.Locations;
import dev.tk86.tools.debug.Watchpoint;
import java.util.ArrayList;
import java.util.List;

/** break, delete, watch (rwatch, awatch, watch -l) and listing them. */
final class BreakCommands {
    private BreakCommands() { }

    static void register(CommandTable t) {
        t.add("break|b", "break LOCATION [if CONDITION]",
                "LOCATION: a symbol, 0xADDRESS, *EXPRESSION or FILE.tk:LINE; CONDITION: EXPR [==|!=|<|<=|>|>= EXPR]", BreakCommands::breakAt);
        t.add("delete|d", "delete [N...]", "delete breakpoints or watchpoints by number (all without N)", BreakCommands::delete);
        t.add("watch", "watch EXPR [cpu N] | watch -l ADDRESS [LEN]",
                "stop when the value changes; a cpu_info field (watch ci_proc_pmap) is watched on every CPU unless cpu N is given",
                (s, a) -> watch(s, a, Watchpoint.Kind.CHANGE));
        t.add("rwatch", "rwatch EXPR [cpu N]", "stop when it is read", (s, a) -> watch(s, a, Watchpoint.Kind.READ));
        t.add("awatch", "awatch EXPR [cpu N]", "stop when it is read or written", (s, a) -> watch(s, a, Watchpoint.Kind.ACCESS));
        t.add("info breakpoints|info break|info b|info watchpoints", "info breakpoints", "list breakpoints and watchpoints", (s, a) -> list(s));
    }

    private static void breakAt(Session s, String a) {
        String spec = a, cond = null;
        int i = a.indexOf(" if ");
        if (i >= 0) {
            spec = a.substring(0, i).strip();
            cond = a.substring(i + 4).strip();
        }
        if (spec.isEmpty()) throw new DebugException("break: missing a location; expected break LOCATION [if CONDITION]");
        Cpu cpu = s.cpu();
        List<Long> at = s.locations().code(spec, cpu);
        Condition c = cond == null ? null : ExprCondition.parse(cond, s.locations(), cpu);
        for (long addr : at) {
            Breakpoint b = s.controller().breakpoints().add(spec, addr, cpu, c, false);
            s.out().println("breakpoint " + b.describe(s.target()));
        }
    }

    private static void delete(Session s, String a) {
        if (a.isEmpty()) {
            for (Breakpoint b : s.controller().breakpoints().listed()) s.controller().breakpoints().delete(b.number());
            for (Watchpoint w : s.controller().watchpoints().listed()) s.controller().watchpoints().delete(w.number());
            s.out().println("deleted every breakpoint and watchpoint");
            return;
        }
        for (String n : a.split("\\s+")) {
            Long k = Locations.parseNumber(n);
            if (k == null) throw new DebugException("delete: '" + n + "' is not a breakpoint number; expected numbers from info breakpoints");
            boolean gone = isWatch(s, (int) (long) k) ? s.controller().watchpoints().delete((int) (long) k)
                    : s.controller().breakpoints().delete((int) (long) k);
            if (!gone) throw new DebugException("delete: no breakpoint or watchpoint " + k + "; see info breakpoints");
            s.out().println("deleted " + k);
        }
    }

    private static boolean isWatch(Session s, int n) {
        return s.controller().watchpoints().listed().stream().anyMatch(w -> w.number() == n) && s.controller().breakpoints().listed().stream().noneMatch(b -> b.number() == n);
    }

    private static void watch(Session s, String a, Watchpoint.Kind kind) {
        if (a.isEmpty()) throw new DebugException("watch: expected watch EXPR [cpu N] or watch -l ADDRESS [LEN]");
        List<Watchpoint.Range> ranges = new ArrayList<>();
        String spec = a;
        if (a.startsWith("-l ") || a.startsWith("-location ")) {
            String[] w = a.substring(a.indexOf(' ') + 1).strip().split("\\s+");
            long addr = s.locations().number(w[0], s.cpu());
            int len = w.length > 1 ? Args.count("watch -l", w[1], 8) : 8;
            ranges.add(range(s, s.cpu(), addr, len));
        } else {
            int onCpu = -1;
            int i = a.lastIndexOf(" cpu ");
            if (i >= 0) {
                onCpu = Args.cpu("watch", a.substring(i + 5).strip());
                spec = a.substring(0, i).strip();
            }
            boolean perCpu = isCpuInfoField(s, spec);
            String expr = perCpu ? "curcpu()->" + spec : spec;
            if (perCpu && onCpu < 0) {
                for (Cpu c : s.target().machine().cpus()) {
                    if (c.gsBase == 0) {
                        s.out().printf("cpu%d has no cpu_info yet (GS base 0): not watched there%n", c.id);
                        continue;
                    }
                    Locations.Place p = s.locations().place(expr, c);
                    ranges.add(range(s, c, p.address(), p.size()));
                }
                if (ranges.isEmpty()) throw new DebugException("watch: no CPU has a cpu_info yet; step further (e.g. break main, c) and watch again");
            } else {
                Cpu c = onCpu >= 0 ? s.target().cpu(checkCpu(s, onCpu)) : s.cpu();
                Locations.Place p = s.locations().place(expr, c);
                ranges.add(range(s, c, p.address(), p.size()));
            }
        }
        Watchpoint w = s.controller().watchpoints().add(spec, kind, ranges, -1, false);
        s.out().println("watchpoint " + w.describe());
    }

    private static int checkCpu(Session s, int n) {
        if (n < 0 || n >= s.target().cpuCount()) throw new DebugException("watch: no cpu" + n + "; expected 0.." + (s.target().cpuCount() - 1));
        return n;
    }

    /** A bare field name of struct cpu_info that is not also a global: watched per CPU. */
    private static boolean isCpuInfoField(Session s, String name) {
        if (!name.matches("[A-Za-z_]\\w*") || s.target().inspector().image().globalType(name).isPresent()) return false;
        return s.target().inspector().image().structLayout("cpu_info").map(l -> l.field(name).isPresent()).orElse(false);
    }

    private static Watchpoint.Range range(Session s, Cpu c, long va, int len) {
        long pa = s.controller().memory().translate(c, va);
        if (pa < 0) throw new DebugException(String.format("watch: 0x%x is not mapped on cpu%d", va, c.id));
        if ((pa & 0xFFF) + len > 0x1000) throw new DebugException(String.format("watch: 0x%x..+%d crosses a page; watch fewer bytes", va, len));
        return new Watchpoint.Range(va, pa, len);
    }

    private static void list(Session s) {
        if (s.controller().breakpoints().listed().isEmpty() && s.controller().watchpoints().listed().isEmpty()) {
            s.out().println("no breakpoints or watchpoints");
            return;
        }
        for (Breakpoint b : s.controller().breakpoints().listed()) s.out().println("breakpoint " + b.describe(s.target()));
        for (Watchpoint w : s.controller().watchpoints().listed()) s.out().println("watchpoint " + w.describe());
    }
}
