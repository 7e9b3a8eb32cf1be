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
 *
 * <p>Without a step hook, it counts how often each offset of a frame starts a step and compiles
 * the straight-line run from there once it is hot ({@link Block}). A compiled block runs when
 * all its ops fit below {@code runLimit}; otherwise its ops are interpreted one by one. Blocks
 * live in their frame's cache entry, so a write to the frame drops them with its ops, and the
 * {@code exitRun} that the write raises makes this loop look the frame up again before the
 * next step.
 */
public final class Executor {
    private Executor() { }

    /** Returns false if a hook asked to stop before a step. */
    public static boolean run(Cpu cpu, CodeCache code, StepHook hook) {
        long pageVa = -1;
        CodeCache.Frame frame = null;
        long pagePa = 0;
        boolean compile = hook == null && code.compileBlocks;
        while (cpu.steps < cpu.runLimit) {
            long rip = cpu.rip;
            Op op = null;
            Block block = null;
            long stepsBefore = 0;
            try {
                if ((rip & ~PhysicalMemory.PAGE_MASK) != pageVa) {
                    pagePa = cpu.mmu.fetchPage(rip);
                    frame = code.frame(pagePa);
                    if (frame == null) throw GuestFault.ud(String.format(
                            "instruction fetch from physical 0x%x, which is not RAM", pagePa | (rip & PhysicalMemory.PAGE_MASK)));
                    pageVa = rip & ~PhysicalMemory.PAGE_MASK;
                }
                int off = (int) rip & (int) PhysicalMemory.PAGE_MASK;
                if (compile) {
                    Block[] blocks = frame.blocks;
                    if (blocks == null) blocks = frame.startCounting();
                    Block b = blocks[off];
                    if (b == null) {
                        if (++frame.heat[off] == CodeCache.HOT) blocks[off] = code.compile(frame, off);
                    } else if (cpu.steps + b.length <= cpu.runLimit) {
                        block = b;
                    }
                }
                if (block != null) {
                    stepsBefore = cpu.steps;
                    code.blocksRun++;
                    block.run(cpu, rip);
                } else {
                    op = frame.ops[off];
                    if (op == null) op = code.decode(cpu, frame, rip, pagePa | off);
                    if (hook != null && !hook.beforeStep(cpu)) return false;
                    cpu.steps++;
                    cpu.rip = rip + op.length;
                    op.exec(cpu);
                }
            } catch (GuestFault f) {
                // the block counted the faulting op's step, as the single-step path does
                if (block != null) cpu.rip = rip + block.start((int) (cpu.steps - stepsBefore) - 1);
                else if (op == null || op.length != 0) cpu.rip = rip; // delegates leave RIP at the faulting step
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
