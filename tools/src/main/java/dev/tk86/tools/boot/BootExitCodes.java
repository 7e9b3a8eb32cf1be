package dev.tk86.tools.boot;

import dev.tk86.isa.machine.RunResult;

/**
 * Exit statuses of {@code tk86 boot}: the guest's own exit status when it powers off, so a
 * kernel test can be scripted like a program, and fixed codes for the other endings. A guest
 * exit status of 2..7 reads like one of tk86's own codes; {@code --json} tells them apart. The
 * list in BootCommand's help must match these constants (BootCommandTest checks it).
 */
public final class BootExitCodes {
    private BootExitCodes() { }

    public static final int IMAGE = 2;
    public static final int PANIC = 3;
    public static final int TRIPLE_FAULT = 4;
    public static final int STEP_LIMIT = 5;
    public static final int HANG = 6;
    public static final int NO_DEFAULT_IMAGE = 7;
    public static final int INTERNAL = 70;

    public static int of(BootOutcome o) {
        RunResult r = o.result();
        return switch (r.reason()) {
            case POWER_OFF -> (int) Math.max(0, Math.min(255, r.exitStatus()));
            case PANIC -> PANIC;
            case TRIPLE_FAULT -> TRIPLE_FAULT;
            case STEP_LIMIT -> STEP_LIMIT;
            case ALL_HALTED, STOPPED -> HANG;
        };
    }
}
