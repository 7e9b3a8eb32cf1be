package dev.tk86.isa.exec.oracle;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.ByteSource;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.exec.Binder;
import dev.tk86.isa.exec.Op;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mmu.PageTableBuilder;
import dev.tk86.isa.testing.PagedMachine;

/**
 * Runs oracle cases on tk86: a ring-0 machine with paging on whose page tables map the code,
 * data and stack pages at the same virtual addresses as the native harness (and leave the
 * page after the data page unmapped), with the same GS base, and with one vendor's rules. As
 * in the harness, execution starts at the case's first byte and ends when RIP reaches the end
 * of its bytes (where the harness has its jump back). Each instruction is decoded, bound and
 * executed exactly as the executor does it (RIP at the next instruction during execution, back
 * on the instruction after a fault); a rep that stops at a chunk boundary is resumed. A branch
 * that leaves the case's bytes for an unmapped page is the fetch #PF the CPU raises there.
 */
final class TkRunner {
    /** Instructions run per case at most (a case is one instruction, plus what AMD reads in its tail). */
    private static final int MAX_STEPS = 64;

    private final PagedMachine m;
    private final Cpu cpu;
    private final CpuVendor vendor;
    private final long dataPa, stackPa;

    TkRunner(CpuVendor vendor) {
        this.vendor = vendor;
        m = PagedMachine.create(MachineConfig.defaults().withCpus(1).withVendor(vendor));
        cpu = m.cpu();
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

    /** Runs the case's bytes from their start to their end; returns the fault raised, or null. */
    private GuestFault step(byte[] code) {
        long start = OracleCase.CODE_VA, end = start + code.length;
        cpu.rip = start;
        for (int n = 0; n < MAX_STEPS; n++) {
            long at = cpu.rip;
            if (at == end) return null;
            if (at < start || at > end) {
                try {
                    cpu.mmu.fetchByte(at); // the fetch at the target: a #PF where nothing is mapped
                } catch (GuestFault f) {
                    return f;
                }
                throw new AssertionError(String.format("the case branched to mapped memory at 0x%x, which the harness does not model", at));
            }
            int off = (int) (at - start);
            Op op;
            try {
                op = Binder.bind(Decoder.decode(ByteSource.of(code, off, code.length), at, vendor));
            } catch (DecodeException e) {
                return e.kind() == DecodeException.Kind.TOO_LONG ? GuestFault.gp(e.getMessage()) : GuestFault.ud(e.getMessage());
            }
            cpu.steps++;
            cpu.rip = at + op.length;
            try {
                op.exec(cpu);
            } catch (GuestFault f) {
                cpu.rip = at;
                return f;
            }
        }
        throw new AssertionError("the case did not reach the end of its bytes in " + MAX_STEPS + " instructions");
    }
}
