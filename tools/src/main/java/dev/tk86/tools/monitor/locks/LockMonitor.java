package dev.tk86.tools.monitor.locks;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.monitor.Monitor;
import dev.tk86.tools.monitor.MonitorContext;
import dev.tk86.tools.monitor.switches.SwitchEvents;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenBSD's WITNESS rules for spin mutexes, from mtx_enter. What a CPU holds is read from the
 * mutexes themselves (mtx_owner is the holding cpu_info): a mutex whose mtx_enter was
 * interrupted before it took the lock is not held, even if the interrupt handler takes another.
 * <ul>
 *   <li>{@code lock_recursion}: a CPU does not enter a mutex it holds;</li>
 *   <li>{@code lock_order}: mutexes (by name, as WITNESS groups lock classes) are always taken in
 *       one order: taking B while holding A and, elsewhere, A while holding B is a cycle;</li>
 *   <li>{@code lock_switch}: no spin mutex but the scheduler lock is held across cpu_switchto.</li>
 * </ul>
 */
public final class LockMonitor implements Monitor {
    public static final String RECURSION = "lock_recursion", ORDER = "lock_order", SWITCH = "lock_switch";

    private MonitorContext ctx;
    private long nameOffset, ownerOffset, schedLock;
    private List<List<Long>> held;
    private final Map<Long, String> names = new HashMap<>();
    /** Lock-order edges by name: before -> afters, with where each was first seen. */
    private final Map<String, Set<String>> after = new HashMap<>();
    private final Map<String, String> firstSeen = new HashMap<>();

    @Override public List<String> invariants() { return List.of(RECURSION, ORDER, SWITCH); }

    @Override
    public boolean attach(MonitorContext c) {
        var f = c.facts();
        if (!f.has("mtx_enter", "mutex.mtx_name", "mutex.mtx_owner")) return false;
        ctx = c;
        nameOffset = f.off("mutex.mtx_name");
        ownerOffset = f.off("mutex.mtx_owner");
        schedLock = f.address("sched_lock").orElse(0L);
        held = new ArrayList<>();
        for (int i = 0; i < c.kernel().machine().cpus().size(); i++) held.add(new ArrayList<>());
        c.probes().at(f.addr("mtx_enter"), this::enter);
        c.switches().listen(new SwitchEvents.Listener() {
            @Override public void entered(Cpu cpu, long old, long next) { atSwitch(cpu); }
        });
        return true;
    }

    private String name(Cpu cpu, long m) {
        return names.computeIfAbsent(m, x -> {
            long p = ctx.u64(cpu, x + nameOffset);
            return p == 0 ? String.format("mutex@0x%x", x) : ctx.memory(cpu).cstring(p, 64);
        });
    }

    /** The mutexes {@code cpu} holds now, in the order it entered them. */
    private List<Long> held(Cpu cpu) {
        List<Long> mine = held.get(cpu.id);
        mine.removeIf(x -> ctx.u64(cpu, x + ownerOffset) != cpu.gsBase);
        return mine;
    }

    private void enter(Cpu cpu) {
        long m = cpu.r[7];
        List<Long> mine = held(cpu);
        String n = name(cpu, m);
        if (ctx.u64(cpu, m + ownerOffset) == cpu.gsBase) {
            ctx.reporter().report(RECURSION, cpu, "cpu" + cpu.id + " enters mutex " + n + " it already holds", ctx.events().about(cpu.id, -1));
            return;
        }
        for (long h : mine) {
            String hn = name(cpu, h);
            if (hn.equals(n)) continue;
            if (reaches(n, hn)) {
                ctx.reporter().report(ORDER, cpu, "lock order reversal: " + hn + " then " + n + " here; " + firstSeen.get(n + ">" + reachEdge(n, hn)),
                        ctx.events().about(cpu.id, -1));
                return;
            }
            if (after.computeIfAbsent(hn, k -> new HashSet<>()).add(n))
                firstSeen.put(hn + ">" + n, hn + " then " + n + " first on cpu" + cpu.id + " at step " + cpu.steps);
        }
        mine.remove(m);
        mine.add(m); // held once its owner is this CPU: the next look prunes it otherwise
    }

    /** Is there an order path from a to b? */
    private boolean reaches(String a, String b) {
        Set<String> seen = new HashSet<>();
        ArrayList<String> todo = new ArrayList<>(List.of(a));
        while (!todo.isEmpty()) {
            String x = todo.remove(todo.size() - 1);
            if (x.equals(b)) return true;
            if (seen.add(x)) todo.addAll(after.getOrDefault(x, Set.of()));
        }
        return false;
    }

    /** The first edge out of a on a path to b, for the report. */
    private String reachEdge(String a, String b) {
        for (String n : after.getOrDefault(a, Set.of())) if (reaches(n, b)) return n;
        return b;
    }

    private void atSwitch(Cpu cpu) {
        for (long m : held(cpu)) {
            if (m == schedLock) continue;
            ctx.reporter().report(SWITCH, cpu, "cpu" + cpu.id + " enters cpu_switchto holding spin mutex " + name(cpu, m),
                    ctx.events().about(cpu.id, -1));
            return;
        }
    }
}
