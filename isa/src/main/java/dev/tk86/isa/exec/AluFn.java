package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;

/**
 * A two-operand ALU operation {@code dst = dst OP src} (add, or, adc, sbb, and, sub, xor,
 * cmp, test), split in two so that a memory destination is written before the flags change:
 * a fault on the write must leave RFLAGS as it was (SDM Vol. 3A, 6.5: faults are restartable).
 */
abstract class AluFn {
    /** Whether the result is stored (false for cmp and test). */
    final boolean writes;
    final String name;

    AluFn(String name, boolean writes) {
        this.name = name;
        this.writes = writes;
    }

    /** {@code a OP b}, truncated by {@code mask}; may read CF (adc, sbb) but changes nothing. */
    abstract long compute(Cpu c, long a, long b, long mask);

    /** Records the flags of {@code x = a OP b}. */
    abstract void flags(Cpu c, int size, long a, long b, long x);
}
