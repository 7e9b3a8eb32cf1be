package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;

/**
 * A hot straight-line run of decoded instructions of one frame, compiled into one JVM class
 * ({@link BlockCompiler}) so that the JIT inlines every instruction's semantics into one method
 * instead of dispatching each through a megamorphic {@link Op#exec} call.
 *
 * <p>{@link #run} does exactly what the executor's loop does for each op in turn (count the
 * step, point RIP at the next instruction, execute, stop if the op set {@code cpu.exitRun}),
 * so running a block and single-stepping its ops are indistinguishable to the guest. The
 * executor enters a block only when all its ops fit below {@code cpu.runLimit} and no step hook
 * is installed.
 */
public abstract class Block {
    /** Number of ops. */
    final int length;
    /** Offset of each op from the block's first byte: where RIP goes back to if op i faults. */
    private final int[] starts;

    protected Block(int[] starts) {
        this.length = starts.length;
        this.starts = starts;
    }

    /**
     * Runs the ops from virtual address {@code rip} (the block is position-independent: a frame
     * may be mapped at several addresses) and returns how many ran. A fault propagates with
     * {@code cpu.steps} counting the faulting op, as the executor's loop leaves it.
     */
    abstract int run(Cpu cpu, long rip);

    /** Offset from the block's start of op {@code i}. */
    final int start(int i) { return starts[i]; }
}
