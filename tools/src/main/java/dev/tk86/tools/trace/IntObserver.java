package dev.tk86.tools.trace;

import static dev.tk86.tools.trace.TraceEvent.field;
import static dev.tk86.tools.trace.TraceEvent.hex;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code int}: every exception (offered by the executor before delivery: vector, error code,
 * RIP, CR2) and every external interrupt or IPI (seen at the handler's first step: the
 * vector is the IDT entry whose handler that is, the RIP the one the CPU pushed).
 */
final class IntObserver implements StepObserver {
    private final KernelImage image;
    private final TraceSink sink;
    private final long[] delivered, faults;

    IntObserver(KernelImage image, List<Cpu> cpus, TraceSink sink) {
        this.image = image;
        this.sink = sink;
        this.delivered = new long[cpus.size()];
        this.faults = new long[cpus.size()];
        for (Cpu c : cpus) delivered[c.id] = c.interruptsDelivered;
    }

    @Override
    public void onFault(Cpu cpu, GuestFault f) {
        faults[cpu.id]++;
        List<TraceEvent.Field> out = new ArrayList<>();
        out.add(field("vector", (long) f.vector()));
        out.add(field("error", f.hasErrorCode() ? hex(f.errorCode()) : "-"));
        out.add(field("rip", where(cpu.rip)));
        out.add(field("cr2", f.vector() == 14 ? hex(f.cr2()) : "-"));
        out.add(field("", f.detail() == null ? "" : f.detail()));
        sink.accept(new TraceEvent(TraceKind.INT, cpu.id, cpu.steps, out));
    }

    @Override
    public void beforeStep(Cpu cpu) {
        long now = cpu.interruptsDelivered;
        long external = now - delivered[cpu.id] - faults[cpu.id];
        delivered[cpu.id] = now;
        faults[cpu.id] = 0;
        if (external <= 0) return;
        GuestMemory m = new GuestMemory(cpu);
        long pushedRip;
        try {
            pushedRip = m.read64(cpu.r[Reg.RSP]);
        } catch (InspectException e) {
            pushedRip = -1;
        }
        List<TraceEvent.Field> out = new ArrayList<>();
        out.add(field("vector", vector(m, cpu)));
        out.add(field("error", "-"));
        out.add(field("rip", pushedRip == -1 ? "?" : where(pushedRip)));
        out.add(field("cr2", "-"));
        out.add(field("", "external"));
        sink.accept(new TraceEvent(TraceKind.INT, cpu.id, cpu.steps, out));
    }

    private String where(long rip) { return hex(rip) + "<" + image.symbolize(rip) + ">"; }

    /** The IDT vector whose gate points at the CPU's RIP (SDM Vol. 3A, 6.14.1: 16-byte gates). */
    private static Object vector(GuestMemory m, Cpu cpu) {
        int n = Math.min(256, (cpu.idtLimit + 1) / 16);
        try {
            for (int v = 0; v < n; v++) {
                long gate = cpu.idtBase + 16L * v;
                long lo = m.read64(gate), hi = m.read64(gate + 8);
                long offset = (lo & 0xFFFF) | ((lo >>> 48) << 16) | ((hi & 0xFFFF_FFFFL) << 32);
                if (offset == cpu.rip) return (long) v;
            }
        } catch (InspectException e) {
            return "?";
        }
        return "?";
    }
}
