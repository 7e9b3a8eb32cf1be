package dev.tk86.isa.exec.oracle;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.ByteSource;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.exec.Binder;
import dev.tk86.isa.exec.Op;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.mmu.PageTableBuilder;
import dev.tk86.isa.testing.PagedMachine;

/**
 * Runs oracle cases on tk86: a ring-0 machine with paging on whose page tables map the code,
 * data and stack pages at the same virtual addresses as the native harness (and leave the
 * page after the data page unmapped), with the same GS base. Each case is decoded, bound and
 * executed exactly as the executor does it (RIP at the next instruction during execution, back
 * on the instruction after a fault); a rep that stops at a chunk boundary is resumed.
 */
final class TkRunner {
    private final PagedMachine m = PagedMachine.create();
    private final Cpu cpu = m.cpu();
    private final long dataPa, stackPa;

    TkRunner() {
        m.map(OracleCase.CODE_VA, PageTableBuilder.RW);
        dataPa = m.map(OracleCase.DATA_VA, PageTableBuilder.RW);
        stackPa = m.map(OracleCase.STACK_VA, PageTableBuilder.RW);
    }

    OracleResult run(OracleCase c) {
        m.memory().load(dataPa + (OracleCase.DATA_WINDOW - OracleCase.DATA_VA), c.data(), 0, OracleCase.WINDOW);
        m.memory().load(stackPa + (OracleCase.STACK_WINDOW - OracleCase.STACK_VA), c.stack(), 0, OracleCase.WINDOW);
        System.arraycopy(c.regs(), 0, cpu.r, 0, 16);
        cpu.setRflags(Rflags.FIXED1 | Rflags.IF | (c.rflags() & (Rflags.STATUS | Rflags.DF)));
        cpu.gsBase = OracleCase.GS_BASE;
        cpu.fsBase = 0;
        cpu.state = Cpu.State.RUNNING;
        GuestFault fault = step(c.code());
        long faultAddr = 0;
        int signal = 0;
        if (fault != null) {
            signal = switch (fault.vector()) {
                case Vector.DE -> OracleResult.SIGFPE;
                case Vector.UD -> OracleResult.SIGILL;
                case Vector.BP -> OracleResult.SIGTRAP;
                default -> OracleResult.SIGSEGV;
            };
            if (fault.vector() == Vector.PF) faultAddr = fault.cr2();
        }
        return new OracleResult(signal, cpu.r.clone(), cpu.rflags(), fault != null ? cpu.rip : 0, faultAddr,
                m.memory().dump(dataPa + (OracleCase.DATA_WINDOW - OracleCase.DATA_VA), OracleCase.WINDOW),
                m.memory().dump(stackPa + (OracleCase.STACK_WINDOW - OracleCase.STACK_VA), OracleCase.WINDOW));
    }

    /** One instruction; returns the fault it raised, or null. */
    private GuestFault step(byte[] code) {
        Op op;
        try {
            op = Binder.bind(Decoder.decode(ByteSource.of(code, 0, code.length), OracleCase.CODE_VA));
        } catch (DecodeException e) {
            cpu.rip = OracleCase.CODE_VA;
            return e.kind() == DecodeException.Kind.TOO_LONG ? GuestFault.gp(e.getMessage()) : GuestFault.ud(e.getMessage());
        }
        for (int chunk = 0; chunk < 16; chunk++) {
            cpu.steps++;
            cpu.rip = OracleCase.CODE_VA + op.length;
            try {
                op.exec(cpu);
            } catch (GuestFault f) {
                cpu.rip = OracleCase.CODE_VA;
                return f;
            }
            if (cpu.rip != OracleCase.CODE_VA) return null; // a rep that stopped at a chunk boundary lands back here
        }
        return null;
    }
}
