package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;

/**
 * An instruction bound to its semantics: what the decoded-instruction cache holds and the
 * executor runs. Binding picks a subclass per instruction form (register or memory operand,
 * operand size), so that executing it does no decoding work at all.
 *
 * <p>Contract with the executor: when {@link #exec} is called, {@code cpu.rip} already points
 * at the next instruction (so calls push the right return address and RIP-relative operands
 * see the right base); branches overwrite it. A fault is thrown as
 * {@link dev.tk86.isa.fault.GuestFault}; the executor then puts RIP back on this instruction
 * and delivers it. An instruction that changes something the executor caches (IF, CR0/3/4,
 * CPL, halting, I/O, IPIs) sets {@code cpu.exitRun}.
 */
public abstract class Op {
    /** Encoded length in bytes; 0 for a delegated range, which sets RIP itself. */
    public final int length;

    protected Op(int length) { this.length = length; }

    public abstract void exec(Cpu cpu);

    /**
     * True if a hot block must end with this instruction: it transfers control, may change
     * what the executor caches (translation, privilege, IF, halting, I/O), or sets RIP itself.
     * The instruction is still part of the block, as its last op. Anything else that sets
     * {@code cpu.exitRun} is caught by the block's check after every op; this only keeps such
     * instructions at block ends, where the check costs nothing extra.
     */
    boolean endsBlock() { return false; }
}
