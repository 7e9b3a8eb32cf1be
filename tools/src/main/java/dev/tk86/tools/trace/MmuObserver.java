package dev.tk86.tools.trace;

import static dev.tk86.tools.trace.TraceEvent.field;
import static dev.tk86.tools.trace.TraceEvent.hex;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.inspect.KernelImage;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mmu}: what the previous step of a CPU did to address translation, read from the
 * CPU's own TLB and walker counters (so nothing is added to the MMU's paths): page walks,
 * %cr3 loads (old and new value), invlpg, full flushes; and every call of the kernel's TLB
 * shootdown functions ({@code pmap_tlb_shoot*}) with its first arguments.
 */
final class MmuObserver implements StepObserver {
    private static final class Last {
        long rip, step, cr3, walks, cr3Flushes, fullFlushes, invlpgs;
    }

    private final KernelImage image;
    private final TraceSink sink;
    private final Last[] last;
    private final long[] shootdowns;
    private final String[] shootdownNames;

    MmuObserver(KernelImage image, List<Cpu> cpus, TraceSink sink) {
        this.image = image;
        this.sink = sink;
        this.last = new Last[cpus.size()];
        for (Cpu c : cpus) {
            Last l = last[c.id] = new Last();
            l.cr3 = c.cr3;
            l.rip = c.rip;
            l.walks = c.mmu.walker.walks;
            l.cr3Flushes = c.mmu.tlb.cr3Flushes;
            l.fullFlushes = c.mmu.tlb.fullFlushes;
            l.invlpgs = c.mmu.tlb.invlpgs;
        }
        List<Symbol> shoot = image.symbols().all().stream()
                .filter(s -> s.name().startsWith("pmap_tlb_shoot") && s.isFunction() && s.shndx() != 0).toList();
        this.shootdowns = shoot.stream().mapToLong(Symbol::value).toArray();
        this.shootdownNames = shoot.stream().map(Symbol::name).toArray(String[]::new);
    }

    @Override
    public void beforeStep(Cpu cpu) {
        Last l = last[cpu.id];
        long walks = cpu.mmu.walker.walks, cr3f = cpu.mmu.tlb.cr3Flushes, full = cpu.mmu.tlb.fullFlushes, inv = cpu.mmu.tlb.invlpgs;
        String at = hex(l.rip) + " <" + image.symbolize(l.rip) + ">";
        if (cpu.cr3 != l.cr3 || cr3f != l.cr3Flushes) emit(cpu, l.step, "cr3", hex(l.cr3) + "->" + hex(cpu.cr3), at);
        if (inv != l.invlpgs) emit(cpu, l.step, "invlpg", Long.toString(inv - l.invlpgs), at);
        if (full != l.fullFlushes) emit(cpu, l.step, "flush_all", Long.toString(full - l.fullFlushes), at);
        if (walks != l.walks) emit(cpu, l.step, "walks", Long.toString(walks - l.walks), at);
        l.cr3 = cpu.cr3;
        l.walks = walks;
        l.cr3Flushes = cr3f;
        l.fullFlushes = full;
        l.invlpgs = inv;
        l.rip = cpu.rip;
        l.step = cpu.steps;
        for (int i = 0; i < shootdowns.length; i++) {
            if (cpu.rip != shootdowns[i]) continue;
            List<TraceEvent.Field> f = new ArrayList<>();
            f.add(field("shootdown", shootdownNames[i]));
            f.add(field("args", hex(cpu.r[Reg.RDI]) + "," + hex(cpu.r[Reg.RSI]) + "," + hex(cpu.r[Reg.RDX])));
            sink.accept(new TraceEvent(TraceKind.MMU, cpu.id, cpu.steps, f));
        }
    }

    private void emit(Cpu cpu, long step, String what, String value, String at) {
        sink.accept(new TraceEvent(TraceKind.MMU, cpu.id, step, List.of(field(what, value), field("at", at))));
    }
}
