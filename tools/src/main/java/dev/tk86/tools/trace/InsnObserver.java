package dev.tk86.tools.trace;

import static dev.tk86.tools.trace.TraceEvent.field;
import static dev.tk86.tools.trace.TraceEvent.hex;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelImage;
import dev.tk86.tools.x86.DecodedText;
import dev.tk86.tools.x86.InsnDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code insn}: one event per x86 instruction, with tk86's own disassembly (AT&T) and the
 * registers it changed. What an instruction changed is known at its CPU's next step, so each
 * event is written then (or when the run ends).
 */
final class InsnObserver implements StepObserver {
    private static final String[] NAMES = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    private record Pending(long step, long rip, String text, long[] regs, long rflags, long cr3) { }

    private final KernelImage image;
    private final TraceSink sink;
    private final Pending[] pending;
    private final Cpu[] cpus;
    private final long tklStart, tklEnd;

    InsnObserver(KernelImage image, List<Cpu> cpus, TraceSink sink, long tklStart, long tklEnd) {
        this.image = image;
        this.sink = sink;
        this.pending = new Pending[cpus.size()];
        this.cpus = cpus.toArray(new Cpu[0]);
        this.tklStart = tklStart;
        this.tklEnd = tklEnd;
    }

    @Override
    public void beforeStep(Cpu cpu) {
        emit(cpu);
        if (Long.compareUnsigned(cpu.rip - tklStart, tklEnd - tklStart) < 0) return;
        pending[cpu.id] = new Pending(cpu.steps, cpu.rip, disassemble(cpu), cpu.r.clone(), cpu.rflags(), cpu.cr3);
    }

    @Override
    public void finish() {
        for (Cpu c : cpus) emit(c);
    }

    private void emit(Cpu cpu) {
        Pending p = pending[cpu.id];
        if (p == null) return;
        pending[cpu.id] = null;
        List<TraceEvent.Field> f = new ArrayList<>();
        f.add(field("", hex(p.rip) + " <" + image.symbolize(p.rip) + ">"));
        f.add(field("", p.text));
        StringBuilder changed = new StringBuilder();
        for (int i = 0; i < 16; i++)
            if (cpu.r[i] != p.regs[i]) changed.append(changed.length() == 0 ? "" : " ").append(NAMES[i]).append('=').append(hex(cpu.r[i]));
        if (cpu.rflags() != p.rflags) changed.append(changed.length() == 0 ? "" : " ").append("rflags=").append(hex(cpu.rflags()));
        if (cpu.cr3 != p.cr3) changed.append(changed.length() == 0 ? "" : " ").append("cr3=").append(hex(cpu.cr3));
        f.add(field("changed", changed.length() == 0 ? "-" : changed.toString()));
        sink.accept(new TraceEvent(TraceKind.INSN, cpu.id, p.step, f));
    }

    private static String disassemble(Cpu cpu) {
        GuestMemory m = new GuestMemory(cpu);
        byte[] bytes = new byte[15];
        int n = 0;
        try {
            for (; n < 15; n++) bytes[n] = m.bytes(cpu.rip + n, 1)[0];
        } catch (InspectException e) {
            if (n == 0) return "(not mapped)";
        }
        DecodedText t = InsnDecoder.decode(java.util.Arrays.copyOf(bytes, n), 0, cpu.rip, cpu.machine.config().vendor());
        if (t instanceof DecodedText.Insn i) return i.text();
        return "(bad instruction)";
    }
}
