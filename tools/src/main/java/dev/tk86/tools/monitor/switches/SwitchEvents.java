package dev.tk86.tools.monitor.switches;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.monitor.MonitorContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Context switches as events for monitors: a CPU entering {@code cpu_switchto(old, new)}, and the
 * same CPU leaving it, running the new thread (its first step outside the function). Registered
 * only when some monitor listens.
 */
public final class SwitchEvents {
    /** What a monitor wants to hear about switches. */
    public interface Listener {
        /** At cpu_switchto's first instruction: {@code old} (0 if it exited) and {@code next} from %rdi and %rsi. */
        default void entered(Cpu cpu, long old, long next) { }

        /** At the first step after cpu_switchto returned into {@code next}. */
        default void returned(Cpu cpu, long next) { }
    }

    private final List<Listener> listeners = new ArrayList<>();
    private long start = -1, end = -1;
    private long[] pending;
    private int[] switchesDone;

    private final MonitorContext ctx;

    public SwitchEvents(MonitorContext ctx) { this.ctx = ctx; }

    /**
     * Adds a listener; the first one registers the probes, so they run before any probe a
     * monitor registers after it (a step right after the return sees the new thread).
     */
    public void listen(Listener l) {
        if (listeners.isEmpty()) attach();
        listeners.add(l);
    }

    /** [start, end) of cpu_switchto, if the kernel has it. */
    public static Optional<Symbol> function(MonitorContext ctx) {
        return ctx.facts().symbol("cpu_switchto").filter(s -> s.size() > 0);
    }

    /** True while {@code cpu} is inside cpu_switchto (between its entry and its return). */
    public boolean inSwitch(Cpu cpu) { return pending != null && pending[cpu.id] != 0; }

    /** How many switches {@code cpu} has completed. */
    public int completed(Cpu cpu) { return switchesDone == null ? 0 : switchesDone[cpu.id]; }

    private void attach() {
        Optional<Symbol> f = function(ctx);
        if (f.isEmpty()) return;
        start = f.get().value();
        end = start + f.get().size();
        int n = ctx.kernel().machine().cpus().size();
        pending = new long[n];
        switchesDone = new int[n];
        ctx.probes().at(start, cpu -> {
            long old = cpu.r[7], next = cpu.r[6];
            ctx.events().switched(cpu.id, "step " + cpu.steps + ": " + ctx.thread(cpu, old) + " -> " + ctx.thread(cpu, next));
            for (Listener l : listeners) l.entered(cpu, old, next);
            pending[cpu.id] = next == 0 ? -1 : next;
        });
        ctx.probes().everyStep(cpu -> {
            long next = pending[cpu.id];
            if (next == 0 || (cpu.rip >= start && cpu.rip < end)) return;
            pending[cpu.id] = 0;
            switchesDone[cpu.id]++;
            for (Listener l : listeners) l.returned(cpu, next);
        });
    }
}
