package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;

/** A breakpoint's condition, evaluated on the CPU that reached it; {@link #text} is what the user wrote. */
public interface Condition {
    boolean holds(Cpu cpu);

    String text();

    /** Only in the address space whose PML4 is at {@code cr3} (gdb's {@code monitor break-cr3}). */
    static Condition addressSpace(long cr3) {
        return new Condition() {
            @Override public boolean holds(Cpu cpu) { return (cpu.cr3 & ~0xFFFL) == (cr3 & ~0xFFFL); }

            @Override public String text() { return String.format("%%cr3 == 0x%x", cr3); }
        };
    }

    /** Both conditions (an address space and a user condition). */
    default Condition and(Condition other) {
        Condition self = this;
        return new Condition() {
            @Override public boolean holds(Cpu cpu) { return self.holds(cpu) && other.holds(cpu); }

            @Override public String text() { return self.text() + " && " + other.text(); }
        };
    }
}
