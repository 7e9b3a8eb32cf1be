package dev.tk86.isa.machine;

import dev.tk86.isa.cpu.Cpu;

/**
 * Code that runs in place of machine code for a range of physical addresses: the TKL runtime
 * registers one per kernel image for its {@code .text.tkl} range. The executor still fetches
 * through the page tables (so a TKL function on an unmapped or no-execute page faults like
 * machine code would) and then, instead of decoding bytes, calls {@link #execute}.
 */
public interface ExecutionDelegate {
    /**
     * Runs at least one step at {@code cpu.rip} (a virtual address inside the range) and
     * leaves {@code cpu.rip} at the next step. It may run more steps while
     * {@code cpu.steps < cpu.runLimit} and nothing asks the executor to look (see
     * {@code Cpu.exitRun}); it counts every step after the first in {@code cpu.steps}
     * itself (the executor counts the first one). Guest faults are thrown as
     * {@link dev.tk86.isa.fault.GuestFault} with RIP at the faulting step.
     */
    void execute(Cpu cpu);
}
