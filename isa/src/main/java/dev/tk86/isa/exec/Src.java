package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Flags;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Operand;

/**
 * A bound source operand: a register ({@link Gpr}), an immediate or a memory location. Read
 * with {@link #get}, which returns the value zero-extended from the operand size. Forms that
 * are hot enough to deserve it bind registers and memory directly instead of through this
 * (megamorphic) indirection.
 */
abstract class Src {
    /** The operand's value, zero-extended from its size; may fault for memory. */
    abstract long get(Cpu c);

    /**
     * Binds {@code op} read at {@code size} bytes. The decoder has already extended immediates
     * the way the instruction consumes them (SDM Vol. 2A, 2.2.1.5: imm8/imm32 sign-extended
     * to the operand size), so they are only truncated to {@code size} here.
     */
    static Src of(Operand op, int size) {
        if (op instanceof Operand.Reg r) return Gpr.of(r.num(), r.isHighByte() ? 1 : size);
        if (op instanceof Operand.Imm i) return new Imm(imm(i, size));
        if (op instanceof Operand.Mem m) return new Mem(new Ea(m), size);
        throw new DecodeException(DecodeException.Kind.OUTSIDE_SUBSET, 0, "operand " + op + " cannot be a source");
    }

    /** An immediate as an instruction of operand size {@code size} consumes it. */
    static long imm(Operand.Imm i, int size) {
        return i.value() & Flags.mask(size);
    }

    static final class Imm extends Src {
        final long value;

        Imm(long value) { this.value = value; }

        @Override long get(Cpu c) { return value; }
    }

    static final class Mem extends Src {
        final Ea ea;
        final int size;

        Mem(Ea ea, int size) { this.ea = ea; this.size = size; }

        @Override long get(Cpu c) { return c.read(ea.la(c), size); }
    }
}
