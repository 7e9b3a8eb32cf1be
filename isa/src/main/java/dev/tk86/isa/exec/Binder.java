package dev.tk86.isa.exec;

import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.fault.GuestFault;

/**
 * Binds a decoded instruction to its semantics.
 * PLACEHOLDER while the semantics are being written (issue 2).
 */
public final class Binder {
    private Binder() { }

    public static Op bind(Insn insn) {
        return new Op(insn.length()) {
            @Override public void exec(dev.tk86.isa.cpu.Cpu cpu) { throw GuestFault.ud(insn.mnemonic() + " has no semantics yet"); }
        };
    }
}
