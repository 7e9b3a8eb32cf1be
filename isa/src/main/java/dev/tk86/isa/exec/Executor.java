package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.mem.PhysicalMemory;

/**
 * The fetch-execute loop of one CPU for one run: from {@code cpu.rip} until
 * {@code cpu.runLimit} steps, or until an instruction sets {@code cpu.exitRun}.
 *
 * <p>It remembers which virtual page it is executing from, so straight-line code and loops
 * inside one page cost an array load per instruction, not a translation. Anything that could
 * change that page's translation or contents (CR3, invlpg, a write to a code frame, an
 * interrupt) sets {@code exitRun}, and the next run starts from a fresh translation.
 */
public final class Executor {
    private Executor() { }

    /** Returns false if a hook asked to stop before a step. */
    public static boolean run(Cpu cpu, CodeCache code, StepHook hook) {
        long pageVa = -1;
        CodeCache.Frame frame = null;
        long pagePa = 0;
        while (cpu.steps < cpu.runLimit) {
            long rip = cpu.rip;
            Op op = null;
            try {
                if ((rip & ~PhysicalMemory.PAGE_MASK) != pageVa) {
                    pagePa = cpu.mmu.fetchPage(rip);
                    frame = code.frame(pagePa);
                    if (frame == null) throw GuestFault.ud(String.format(
                            "instruction fetch from physical 0x%x, which is not RAM", pagePa | (rip & PhysicalMemory.PAGE_MASK)));
                    pageVa = rip & ~PhysicalMemory.PAGE_MASK;
                }
                op = frame.ops[(int) rip & (int) PhysicalMemory.PAGE_MASK];
                if (op == null) op = code.decode(cpu, frame, rip, pagePa | (rip & PhysicalMemory.PAGE_MASK));
                if (hook != null && !hook.beforeStep(cpu)) return false;
                cpu.steps++;
                cpu.rip = rip + op.length;
                op.exec(cpu);
            } catch (GuestFault f) {
                if (op == null || op.length != 0) cpu.rip = rip; // delegates leave RIP at the faulting step
                pageVa = -1;
                if (hook != null && hook.onFault(cpu, f)) return false;
                Interrupts.deliverFault(cpu, f);
                if (cpu.state != Cpu.State.RUNNING) break;
            }
            if (cpu.exitRun) {
                cpu.exitRun = false;
                break;
            }
        }
        return true;
    }
}
