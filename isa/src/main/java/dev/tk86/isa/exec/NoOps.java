package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.decode.Insn;

/**
 * Instructions with no architectural effect in tk86: nop (incl. 0F 1F /0), pause, endbr64
 * (no CET), lfence, mfence, sfence. One host thread executes every CPU in program order, so
 * memory is always sequentially consistent and the fences have nothing to order. pause only
 * counts itself, for the scheduler (a spinning CPU waits on another one).
 */
final class NoOps {
    private NoOps() { }

    static Op bind(Insn insn) {
        return insn.mnemonic() == dev.tk86.isa.decode.Mnemonic.PAUSE ? new Pause(insn.length()) : new Nop(insn.length());
    }

    static final class Nop extends Op {
        Nop(int length) { super(length); }

        @Override public void exec(Cpu c) { }
    }

    static final class Pause extends Op {
        Pause(int length) { super(length); }

        @Override public void exec(Cpu c) { c.pauses++; }
    }
}
