package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.CheckedFunction;
import java.util.List;

/**
 * A function as a list of steps, one per site: site k lives at the function's address + k,
 * so the function's ELF symbol is {@code steps.size()} bytes long.
 *
 * @param frameSize bytes below the saved rbp (locals and temporaries), a multiple of 16
 * @param slots     every parameter, local and temporary of the frame
 */
public record LoweredFunction(CheckedFunction function, List<Step> steps, long frameSize, List<FrameSlot> slots) {
    public String name() { return function.name(); }

    public int siteCount() { return steps.size(); }
}
