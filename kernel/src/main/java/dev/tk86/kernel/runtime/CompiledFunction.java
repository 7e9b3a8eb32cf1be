package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;

/**
 * The JVM code of one TKL function, generated with ASM (see codegen.FunctionClassWriter).
 * Generated subclasses live in their program's own class loader.
 */
public abstract class CompiledFunction {
    /** Returned by a step: RIP is already set (call, return, panic); the run stops. */
    public static final int STOP = Integer.MIN_VALUE;

    /**
     * Runs the step at {@code site} (the executor has already counted it in {@code cpu.steps}),
     * and in fast mode the steps after it while they stay in this function, go forward, and
     * {@code cpu.steps < cpu.runLimit} and {@code !cpu.exitRun}. {@code base} is the address
     * of site 0, so site k is at {@code base + k}. RIP is the site of each step while it runs
     * and the next site when the run ends.
     */
    public abstract void run(Cpu cpu, TklRuntime rt, long base, int site, boolean fast);
}
