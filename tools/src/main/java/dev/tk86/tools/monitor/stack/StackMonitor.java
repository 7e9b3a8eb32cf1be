package dev.tk86.tools.monitor.stack;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.monitor.Monitor;
import dev.tk86.tools.monitor.MonitorContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a CPU's kernel stack may be:
 * <ul>
 *   <li>{@code stack_in_uarea}: once a CPU has switched to a thread, its %rsp stays inside that
 *       thread's uarea while it runs in the kernel (outside cpu_switchto, which pivots stacks);</li>
 *   <li>{@code freed_uarea}: no CPU runs on a uarea after uvm_uarea_free handed it back (the
 *       parent must not free a child that is still on its CPU).</li>
 * </ul>
 * The uarea of the running thread is read once per switch, so the per-step check is two
 * comparisons.
 */
public final class StackMonitor implements Monitor {
    public static final String IN_UAREA = "stack_in_uarea", FREED = "freed_uarea";

    private MonitorContext ctx;
    private long uspace;
    private long[] start;
    private boolean[] freed;
    private final Map<Long, String> thread = new HashMap<>();

    @Override public List<String> invariants() { return List.of(IN_UAREA, FREED); }

    @Override
    public boolean attach(MonitorContext c) {
        var f = c.facts();
        if (!f.has("proc.p_addr", "USPACE", "uvm_uarea_free_va")) return false;
        if (c.facts().symbol("cpu_switchto").isEmpty()) return false;
        ctx = c;
        uspace = f.value("USPACE");
        long pAddr = f.off("proc.p_addr");
        int n = c.kernel().machine().cpus().size();
        start = new long[n];
        freed = new boolean[n];
        java.util.Arrays.fill(start, -1);
        c.switches().listen(new dev.tk86.tools.monitor.switches.SwitchEvents.Listener() {
            @Override public void returned(Cpu cpu, long next) {
                start[cpu.id] = next == -1 || next == 0 ? -1 : c.u64(cpu, next + pAddr);
                freed[cpu.id] = false;
                if (start[cpu.id] != -1) thread.put(start[cpu.id], c.thread(cpu, next));
            }
        });
        c.probes().at(f.addr("uvm_uarea_free_va"), this::uareaFreed);
        c.probes().everyStep(this::check);
        return true;
    }

    private void uareaFreed(Cpu cpu) {
        long va = cpu.r[7];
        String owner = thread.getOrDefault(va, "a thread");
        ctx.events().freed(va, String.format("uarea 0x%x of %s freed by cpu%d at step %d in %s", va, owner, cpu.id, cpu.steps,
                ctx.thread(cpu, ctx.u64(cpu, cpu.gsBase + ctx.facts().off("cpu_info.ci_curproc")))));
        for (int i = 0; i < start.length; i++) if (start[i] == va) freed[i] = true;
    }

    private void check(Cpu cpu) {
        int id = cpu.id;
        long s = start[id];
        if (s == -1 || s == 0 || cpu.cpl != 0) return;
        long rsp = cpu.r[4];
        // kernel addresses are negative as Java longs: compare the offset, unsigned
        boolean inside = rsp != s && Long.compareUnsigned(rsp - s, uspace) <= 0;
        if (freed[id] && inside) {
            ctx.reporter().report(FREED, cpu, String.format("%%rsp 0x%x is on uarea 0x%x, which was freed while the thread still ran on it",
                    rsp, s), ctx.events().about(id, s));
            return;
        }
        if (inside || ctx.switches().inSwitch(cpu)) return;
        ctx.reporter().report(IN_UAREA, cpu, String.format("%%rsp 0x%x is outside the running thread's uarea [0x%x, 0x%x]", rsp, s,
                s + uspace), ctx.events().about(id, s));
    }
}
