package dev.tk86.tools.boot;

import dev.tk86.isa.machine.MachineConfig;

/**
 * Everything besides the image that decides a boot: the machine (CPUs, memory, how CPUs are
 * interleaved) and what the kernel is told (command line), plus the step budget.
 */
public record BootOptions(MachineConfig machine, String commandLine, long maxSteps) { }
