package dev.tk86.loader.tkl;

import dev.tk86.isa.machine.Machine;
import dev.tk86.loader.ImageException;

/**
 * The TKL runtime as the loader sees it: given the program carried by an image, compile it
 * (with ASM, in the runtime; the loader never defines a class from image bytes) and bind each
 * function to its site range in {@code .text.tkl}, typically with
 * {@link Machine#delegate(long, long, dev.tk86.isa.machine.ExecutionDelegate)} over
 * [{@link TklProgram#textPhysicalStart()}, {@link TklProgram#textPhysicalEnd()}).
 *
 * <p>It is called after the PT_LOAD segments are in physical memory and before the boot CPU's
 * first step. A program that is malformed, fails to check, or does not match the image's
 * symbols is reported as an {@link ImageException} whose message starts with {@code ".tkl: "}
 * and names what is wrong.
 */
@FunctionalInterface
public interface TklProgramLoader {
    void bind(TklProgram program, Machine machine) throws ImageException;
}
