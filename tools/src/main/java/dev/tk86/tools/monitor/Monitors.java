package dev.tk86.tools.monitor;

import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.monitor.locks.LockMonitor;
import dev.tk86.tools.monitor.pages.FreedPageMonitor;
import dev.tk86.tools.monitor.sleep.DeadSleepMonitor;
import dev.tk86.tools.monitor.stack.StackMonitor;
import dev.tk86.tools.monitor.switches.SwitchMonitor;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Every monitor tk86 has; a run gets fresh instances of those that watch a chosen invariant. */
public final class Monitors {
    private Monitors() { }

    private static final List<Supplier<Monitor>> ALL = List.of(SwitchMonitor::new, StackMonitor::new, FreedPageMonitor::new,
            DeadSleepMonitor::new, LockMonitor::new);

    /** The monitors' invariant names, in the order tables list them. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Supplier<Monitor> s : ALL) n.addAll(s.get().invariants());
        return n;
    }

    /** A watch of one run: the monitors of the chosen invariants that found something to watch in this kernel. */
    public static Watch attach(KernelInspector kernel, Set<String> chosen) {
        Reporter reporter = new Reporter(kernel, chosen);
        Probes probes = new Probes();
        MonitorContext ctx = new MonitorContext(kernel, probes, reporter);
        List<Monitor> active = new ArrayList<>();
        for (Supplier<Monitor> s : ALL) {
            Monitor m = s.get();
            if (m.invariants().stream().anyMatch(chosen::contains) && m.attach(ctx)) active.add(m);
        }
        if (!probes.isEmpty()) kernel.machine().setHook(probes.hook(reporter, kernel.machine().hook()));
        return new Watch(ctx, List.copyOf(active));
    }
}
