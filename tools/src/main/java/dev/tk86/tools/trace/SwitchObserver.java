package dev.tk86.tools.trace;

import static dev.tk86.tools.trace.TraceEvent.field;
import static dev.tk86.tools.trace.TraceEvent.hex;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.kernel.types.Type;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.inspect.TypedReader;
import dev.tk86.tools.inspect.Value;
import dev.tk86.tools.inspect.proc.ProcessTable;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code switch}: one event per cpu_switchto(old, new). At its entry it notes the arguments,
 * %cr3 and the CPU's ci_proc_pmap; when the CPU executes cpu_switchto's own {@code ret}, the
 * next step (in the new thread) gives the values after. Old and new are shown as
 * {@code pid/tid(command)} from their struct proc. Inert on a kernel without cpu_switchto.
 */
final class SwitchObserver implements StepObserver {
    private static final int RET = 0xC3;

    private static final class Pending {
        long step, oldProc, newProc, cr3, procPmap;
        boolean returning;
    }

    private final KernelInspector kernel;
    private final TraceSink sink;
    private final List<SwitchListener> listeners;
    private final long start, end;
    private final Pending[] pending;

    SwitchObserver(KernelInspector kernel, TraceSink sink, List<SwitchListener> listeners) {
        this.kernel = kernel;
        this.sink = sink;
        this.listeners = listeners;
        Optional<Symbol> s = kernel.image().symbol("cpu_switchto");
        this.start = s.map(Symbol::value).orElse(-1L);
        this.end = s.map(x -> x.value() + Math.max(1, x.size())).orElse(-1L);
        this.pending = new Pending[kernel.machine().cpus().size()];
    }

    @Override
    public void beforeStep(Cpu cpu) {
        long rip = cpu.rip;
        Pending p = pending[cpu.id];
        if (p != null && p.returning) {
            pending[cpu.id] = null;
            report(cpu, p);
        } else if (p != null && rip - start >= 0 && rip - start < end - start && byteAt(cpu, rip) == RET) {
            p.returning = true;
        }
        if (rip == start) {
            Pending n = new Pending();
            n.step = cpu.steps;
            n.oldProc = cpu.r[Reg.RDI];
            n.newProc = cpu.r[Reg.RSI];
            n.cr3 = cpu.cr3;
            n.procPmap = procPmap(cpu);
            pending[cpu.id] = n;
        }
    }

    private void report(Cpu cpu, Pending p) {
        if (sink != null) {
            List<TraceEvent.Field> f = new ArrayList<>();
            f.add(field("old", describe(cpu, p.oldProc)));
            f.add(field("new", describe(cpu, p.newProc)));
            f.add(field("cr3", hex(p.cr3) + "->" + hex(cpu.cr3)));
            f.add(field("ci_proc_pmap", hex(p.procPmap) + "->" + hex(procPmap(cpu))));
            sink.accept(new TraceEvent(TraceKind.SWITCH, cpu.id, p.step, f));
        }
        for (SwitchListener l : listeners) l.switched(cpu.id, cpu.steps, p.oldProc, p.newProc);
    }

    private String describe(Cpu cpu, long proc) {
        if (proc == 0) return "none";
        try {
            ThreadInfo t = new ProcessTable(kernel.image(), new TypedReader(new GuestMemory(cpu)), kernel.machine().cpus()).thread(proc);
            return t.pid() + "/" + t.tid() + "(" + t.command() + ")";
        } catch (InspectException | java.util.NoSuchElementException e) {
            return hex(proc);
        }
    }

    /** The CPU's ci_proc_pmap, or 0 when the kernel has none. */
    private long procPmap(Cpu cpu) {
        Optional<Type.Struct> ci = kernel.image().struct("cpu_info");
        if (ci.isEmpty() || ci.get().layout().field("ci_proc_pmap").isEmpty() || cpu.gsBase == 0) return 0;
        try {
            TypedReader r = new TypedReader(new GuestMemory(cpu));
            return r.scalar(r.field(Value.at(ci.get(), cpu.gsBase), "ci_proc_pmap"));
        } catch (InspectException e) {
            return 0;
        }
    }

    private static int byteAt(Cpu cpu, long va) {
        try {
            return (int) new GuestMemory(cpu).read(va, 1);
        } catch (InspectException e) {
            return -1;
        }
    }
}
