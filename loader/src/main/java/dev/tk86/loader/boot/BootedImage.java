package dev.tk86.loader.boot;

import dev.tk86.isa.machine.Machine;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.tkl.TklProgram;
import java.util.Optional;

/**
 * A machine ready to run a kernel: its boot CPU at the entry point in the documented entry
 * state, the image it was loaded from (symbols for the debugger, tracer and monitors), what
 * the boot-info structure says, and the TKL program if the image carried one.
 */
public record BootedImage(Machine machine, ElfImage image, BootInfo bootInfo, Optional<TklProgram> tkl) {
}
