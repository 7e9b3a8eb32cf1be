package dev.tk86.tools.monitor;

import dev.tk86.tools.inspect.KernelInspector;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** Every monitor tk86 has, by invariant name; a run gets fresh instances of those chosen. */
public final class Monitors {
    private Monitors() { }

    private static final List<Supplier<Monitor>> ALL = List.of();

    /** The monitors' invariant names, in the order tables list them. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (Supplier<Monitor> s : ALL) n.add(s.get().invariant());
        return n;
    }

    /** A watch of one run: the chosen monitors that found something to watch in this kernel. */
    public static Watch attach(KernelInspector kernel, Set<String> chosen) {
        Reporter reporter = new Reporter(kernel);
        Probes probes = new Probes();
        List<Monitor> active = new ArrayList<>();
        for (Supplier<Monitor> s : ALL) {
            Monitor m = s.get();
            if (chosen.contains(m.invariant()) && m.attach(kernel, probes, reporter)) active.add(m);
        }
        if (!probes.isEmpty()) kernel.machine().setHook(probes.hook(reporter));
        return new Watch(kernel, List.copyOf(active), reporter);
    }
}
