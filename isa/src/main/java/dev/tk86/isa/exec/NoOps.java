package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.decode.Insn;

/**
 * Instructions with no architectural effect in tk86: nop (incl. 0F 1F /0), pause, endbr64
 * (no CET), lfence, mfence, sfence. One host thread executes every CPU in program order, so
 * memory is always sequentially consistent and the fences have nothing to order.
 */
final class NoOps {
    private NoOps() { }

    static Op bind(Insn insn) { return new Nop(insn.length()); }

    static final class Nop extends Op {
        Nop(int length) { super(length); }

        @Override public void exec(Cpu c) { }
    }
}
