package dev.tk86.tools.inspect.stack;

import dev.tk86.kernel.lower.FrameSlot;
import dev.tk86.tools.inspect.Value;

/** A parameter or local of a TKL frame, by name, with its value where it lives (frame slot or, before the prologue, register). */
public record Variable(String name, FrameSlot.Kind kind, Value value) {
    public boolean isParameter() { return kind == FrameSlot.Kind.PARAM; }
}
