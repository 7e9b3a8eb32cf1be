package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;

/**
 * in and out with an imm8 port or the port in DX, of AL, AX or EAX (SDM Vol. 2A, IN/OUT),
 * through the machine's I/O bus. Without a TSS there is no I/O permission bitmap, so CPL must
 * be &lt;= IOPL or the instruction raises #GP(0). An out ends the executor's run, so a device
 * that stops the machine (the exit port) is seen at once.
 */
final class PortIo {
    private PortIo() { }

    static Op bind(Insn insn) {
        boolean in = insn.mnemonic() == dev.tk86.isa.decode.Mnemonic.IN;
        Operand.Reg acc = (Operand.Reg) insn.operand(in ? 0 : 1);
        Operand port = insn.operand(in ? 1 : 0);
        int fixedPort = port instanceof Operand.Imm i ? (int) i.value() & 0xFF : -1;
        Gpr a = Gpr.of(Reg.RAX, acc.size());
        return in ? new In(insn.length(), a, fixedPort) : new Out(insn.length(), a, fixedPort);
    }

    private static int port(Cpu c, int fixedPort) { return fixedPort >= 0 ? fixedPort : (int) c.r[Reg.RDX] & 0xFFFF; }

    /** The accumulator and the port: an imm8 fixed at bind time, or -1 for DX. */
    abstract static class PortOp extends Op {
        final Gpr acc;
        final int fixedPort;

        PortOp(int length, Gpr acc, int fixedPort) { super(length); this.acc = acc; this.fixedPort = fixedPort; }

        @Override boolean endsBlock() { return true; }
    }

    static final class In extends PortOp {
        In(int length, Gpr acc, int fixedPort) { super(length, acc, fixedPort); }

        @Override public void exec(Cpu c) {
            SystemOps.requireIopl(c, "in");
            acc.set(c, c.machine.io().in(port(c, fixedPort), acc.size));
        }
    }

    static final class Out extends PortOp {
        Out(int length, Gpr acc, int fixedPort) { super(length, acc, fixedPort); }

        @Override public void exec(Cpu c) {
            SystemOps.requireIopl(c, "out");
            c.machine.io().out(port(c, fixedPort), acc.size, acc.get(c));
            c.exitRun = true;
        }
    }
}
