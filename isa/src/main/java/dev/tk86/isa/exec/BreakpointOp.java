package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;

/**
 * What the decoded-instruction cache holds at a debugger's breakpoint: invisible to the guest
 * (the frame's bytes are untouched), it asks the breakpoint listener whether to stop and
 * otherwise runs the instruction or TKL step that lives there. Like a delegated op it has
 * length 0, so hot blocks end before it and only the breakpoint's own step pays for it.
 */
final class BreakpointOp extends Op {
    private final CodeCache code;
    private final long pa;
    /** The instruction or delegated step at {@code pa}; decoded on first pass, never cached in the frame. */
    private Op inner;

    BreakpointOp(CodeCache code, long pa, Op inner) {
        super(0);
        this.code = code;
        this.pa = pa;
        this.inner = inner;
    }

    long pa() { return pa; }

    /** The op this breakpoint hides, if it has been decoded (or is a delegation). */
    Op inner() { return inner; }

    @Override boolean endsBlock() { return true; }

    @Override public void exec(Cpu cpu) {
        long rip = cpu.rip;
        if (code.breakpointStops(cpu, pa)) {
            cpu.steps--; // the executor counted a step that does not happen
            cpu.machine.requestBreak(cpu);
            return;
        }
        Op op = inner;
        if (op == null) op = inner = code.decodeUncached(cpu, rip, pa);
        cpu.rip = rip + op.length;
        try {
            op.exec(cpu);
        } catch (GuestFault f) {
            cpu.rip = rip; // as the executor does for any instruction of non-zero length
            throw f;
        }
    }
}
