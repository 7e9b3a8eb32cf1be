package dev.tk86.tools.monitor;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.monitor.switches.SwitchEvents;

/**
 * What a monitor works with during one run: the kernel, its facts, the probes to register,
 * where to report, the history for reports, and the context switches as events.
 */
public final class MonitorContext {
    private final KernelInspector kernel;
    private final KernelFacts facts;
    private final Probes probes;
    private final Reporter reporter;
    private final Events events;
    private final SwitchEvents switches;

    public MonitorContext(KernelInspector kernel, Probes probes, Reporter reporter) {
        this.kernel = kernel;
        this.facts = new KernelFacts(kernel.image());
        this.probes = probes;
        this.reporter = reporter;
        this.events = new Events(kernel.machine().cpus().size());
        this.switches = new SwitchEvents(this);
    }

    public KernelInspector kernel() { return kernel; }

    public KernelFacts facts() { return facts; }

    public Probes probes() { return probes; }

    public Reporter reporter() { return reporter; }

    public Events events() { return events; }

    /** The context switches of this run, as events. */
    public SwitchEvents switches() { return switches; }

    /** Reads kernel memory as {@code cpu} sees it, without side effects (no A/D bits, no TLB fill). */
    public GuestMemory memory(Cpu cpu) { return kernel.cpu(cpu.id).memory(); }

    public long u64(Cpu cpu, long va) { return memory(cpu).read(va, 8); }

    public long u32(Cpu cpu, long va) { return memory(cpu).read(va, 4); }

    public long u8(Cpu cpu, long va) { return memory(cpu).read(va, 1); }

    /** "tid 100003 (pid 3 forkexit)" for the proc at {@code p}, read as {@code cpu} sees it. */
    public String thread(Cpu cpu, long p) {
        if (p == 0) return "no thread";
        if (!facts.has("proc.p_tid", "proc.p_p", "process.ps_pid", "process.ps_comm")) return String.format("proc 0x%x", p);
        GuestMemory m = memory(cpu);
        long tid = (int) m.read(p + facts.off("proc.p_tid"), 4);
        long pr = m.read(p + facts.off("proc.p_p"), 8);
        if (pr == 0) return "tid " + tid;
        long pid = (int) m.read(pr + facts.off("process.ps_pid"), 4);
        return "tid " + tid + " (pid " + pid + " " + m.cstring(pr + facts.off("process.ps_comm"), 24) + ")";
    }
}
