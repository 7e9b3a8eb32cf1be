package dev.tk86.tools.trace;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.inspect.TypedReader;
import dev.tk86.tools.inspect.proc.ProcessTable;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The timeline for {@code --perfetto}, in Chrome's trace-event format: one track per CPU (pid
 * 0, tid = CPU number, named "cpuN") with a complete ("X") slice for each stretch a thread ran
 * there, from one cpu_switchto to the next (before the first switch: the thread in
 * ci_curproc, or "kernel"); instant ("i") events for forks, exits and frees on the CPU that
 * did them; counter ("C") tracks "live uareas" and "live vmspaces". Time is the guest's step
 * count (one step = one microsecond on the timeline), so the file is deterministic.
 */
public final class PerfettoRecorder implements StepObserver, SwitchListener {
    private final KernelInspector kernel;
    private final KernelEvents events;
    private final List<JsonValue> out = new ArrayList<>();
    private final String[] sliceName;
    private final long[] sliceStart;
    private final long[] lastUareas = {Long.MIN_VALUE}, lastVmspaces = {Long.MIN_VALUE};

    public PerfettoRecorder(KernelInspector kernel) {
        this.kernel = kernel;
        this.events = new KernelEvents(kernel.image(), kernel.machine().memory());
        int n = kernel.machine().cpus().size();
        this.sliceName = new String[n];
        this.sliceStart = new long[n];
        out.add(meta("process_name", 0, "tk86 machine"));
        for (int c = 0; c < n; c++) out.add(meta("thread_name", c, "cpu" + c));
    }

    @Override
    public void beforeStep(Cpu cpu) {
        if (sliceName[cpu.id] == null) {
            sliceName[cpu.id] = threadName(cpu, new ProcessTable(kernel.image(), reader(cpu), kernel.machine().cpus()).curproc(cpu).orElse(0L));
            sliceStart[cpu.id] = cpu.steps;
            counters(cpu.steps);
        }
        String instant = events.at(cpu.rip);
        if (instant == null) return;
        out.add(new JsonObjectBuilder().put("name", instant).put("ph", "i").put("s", "t").put("ts", cpu.steps).put("pid", 0L)
                .put("tid", cpu.id).put("args", new JsonObjectBuilder().put("arg0", String.format("0x%x", cpu.r[Reg.RDI])).build()).build());
        counters(cpu.steps);
    }

    @Override
    public void switched(int cpu, long step, long oldProc, long newProc) {
        Cpu c = kernel.machine().cpu(cpu);
        close(cpu, step);
        sliceName[cpu] = threadName(c, newProc);
        sliceStart[cpu] = step;
        counters(step);
    }

    @Override
    public void finish() {
        for (Cpu c : kernel.machine().cpus()) if (sliceName[c.id] != null) close(c.id, c.steps);
    }

    /** The whole file: {"traceEvents": [...], "displayTimeUnit": "ns"}. */
    public JsonValue json() {
        return new JsonObjectBuilder().put("traceEvents", new JsonValue.JsonArray(out)).put("displayTimeUnit", "ns").build();
    }

    private void close(int cpu, long end) {
        if (sliceName[cpu] == null) return;
        out.add(new JsonObjectBuilder().put("name", sliceName[cpu]).put("ph", "X").put("ts", sliceStart[cpu])
                .put("dur", Math.max(0, end - sliceStart[cpu])).put("pid", 0L).put("tid", cpu).build());
        sliceName[cpu] = null;
    }

    private void counters(long ts) {
        counter("live uareas", "uareas", events.live("uarea"), lastUareas, ts);
        counter("live vmspaces", "vmspaces", events.live("vmspace"), lastVmspaces, ts);
    }

    private void counter(String name, String series, Optional<Long> value, long[] last, long ts) {
        if (value.isEmpty() || value.get() == last[0]) return;
        last[0] = value.get();
        out.add(new JsonObjectBuilder().put("name", name).put("ph", "C").put("ts", ts).put("pid", 0L)
                .put("args", new JsonObjectBuilder().put(series, value.get()).build()).build());
    }

    private String threadName(Cpu cpu, long proc) {
        if (proc == 0) return "kernel";
        try {
            ThreadInfo t = new ProcessTable(kernel.image(), reader(cpu), kernel.machine().cpus()).thread(proc);
            return t.command().isEmpty() ? "tid " + t.tid() : t.command() + " " + t.pid() + "/" + t.tid();
        } catch (InspectException | java.util.NoSuchElementException e) {
            return String.format("proc 0x%x", proc);
        }
    }

    private static TypedReader reader(Cpu cpu) { return new TypedReader(new GuestMemory(cpu)); }

    private static JsonValue meta(String what, long tid, String name) {
        return new JsonObjectBuilder().put("name", what).put("ph", "M").put("pid", 0L).put("tid", tid)
                .put("args", new JsonObjectBuilder().put("name", name).build()).build();
    }
}
