package dev.tk86.kernel.lower;

import dev.tk86.kernel.diag.Pos;
import java.util.List;

/**
 * One site of a function: the unit of execution (one step of the CPU). {@code pos} is the
 * source position the debugger shows for it (the statement, or the call a return site follows).
 */
public record Step(int site, StepKind kind, Pos pos, List<Action> actions, Terminator terminator) {}
