package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;

/**
 * Delivery of exceptions and interrupts through the 64-bit IDT (SDM Vol. 3A, 6.14) and the
 * double- and triple-fault rules (6.15, Table 6-5).
 *
 * <p>tk86 runs everything at CPL 0 with no TSS, so delivery never switches stacks: the IST
 * field of a gate is ignored and a CPL 3 -> 0 transition is not modelled (docs say so). The
 * frame is pushed on the current stack after aligning RSP down to 16 bytes, as 64-bit mode does.
 */
public final class Interrupts {
    private Interrupts() { }

    /** How an event came to be, which decides EXT in error codes and the DPL check. */
    public enum Source { EXCEPTION, EXTERNAL, SOFTWARE }

    /**
     * Delivers a fault raised while executing at {@code cpu.rip} (which the executor has put
     * back on the faulting instruction), applying the double- and triple-fault rules.
     */
    public static void deliverFault(Cpu cpu, GuestFault f) {
        if (f.vector() == Vector.PF) cpu.cr2 = f.cr2();
        try {
            deliver(cpu, f.vector(), f.hasErrorCode(), f.errorCode(), Source.EXCEPTION);
        } catch (GuestFault second) {
            escalate(cpu, f, second);
        }
    }

    private static void escalate(Cpu cpu, GuestFault first, GuestFault second) {
        int a = first.vector(), b = second.vector();
        boolean firstContributory = Vector.isContributory(a), secondContributory = Vector.isContributory(b);
        if (a == Vector.DF) {
            tripleFault(cpu, "fault while delivering #DF: " + second + " (after " + first + ")");
            return;
        }
        boolean isDouble = (firstContributory && secondContributory)
                || (a == Vector.PF && (b == Vector.PF || secondContributory));
        if (!isDouble) {
            deliverFault(cpu, second); // benign combination: handled serially
            return;
        }
        cpu.doubleFaults++;
        if (b == Vector.PF) cpu.cr2 = second.cr2();
        try {
            deliver(cpu, Vector.DF, true, 0, Source.EXCEPTION);
        } catch (GuestFault third) {
            tripleFault(cpu, "fault while delivering #DF: " + third + " (after " + first + ", then " + second + ")");
        }
    }

    public static void tripleFault(Cpu cpu, String why) {
        cpu.state = Cpu.State.SHUTDOWN;
        cpu.shutdownReason = "triple fault: " + why;
        cpu.exitRun = true;
        cpu.machine.cpuShutDown(cpu);
    }

    /**
     * Pushes the interrupt frame and enters the handler. Faults while reading the gate or
     * pushing the frame propagate to the caller (for the double-fault rules); the CPU's state
     * is only changed once the whole frame is written.
     */
    public static void deliver(Cpu cpu, int vector, boolean hasError, long error, Source source) {
        int ext = source == Source.EXTERNAL ? 1 : 0;
        long selectorError = (long) vector * 8 + 2 + ext; // IDT bit set (SDM 6.13)
        if ((long) vector * 16 + 15 > cpu.idtLimit)
            throw GuestFault.withCode(Vector.GP, selectorError, "vector " + vector + " is beyond the IDT limit");
        long gate = cpu.idtBase + (long) vector * 16;
        // Reading the IDT is an implicit supervisor-mode access whatever the CPL (SDM 4.6).
        int cpl = cpu.cpl;
        long lo, hi;
        cpu.setCpl(0);
        try {
            lo = cpu.read64(gate);
            hi = cpu.read64(gate + 8);
        } finally {
            cpu.setCpl(cpl);
        }
        int type = (int) (lo >>> 40) & 0xF, dpl = (int) (lo >>> 45) & 3;
        boolean present = ((lo >>> 47) & 1) != 0;
        if (type != 0xE && type != 0xF)
            throw GuestFault.withCode(Vector.GP, selectorError, String.format("IDT entry %d has type %d, not a 64-bit interrupt or trap gate", vector, type));
        if (source == Source.SOFTWARE && cpu.cpl > dpl)
            throw GuestFault.withCode(Vector.GP, selectorError, "int $" + vector + " from CPL " + cpu.cpl + " to a DPL " + dpl + " gate");
        if (!present)
            throw GuestFault.withCode(Vector.NP, selectorError, "IDT entry " + vector + " is not present");
        if (cpu.cpl != 0)
            throw GuestFault.withCode(Vector.GP, selectorError,
                    "delivery from CPL " + cpu.cpl + " needs a TSS stack switch, which tk86 does not model");
        long target = (lo & 0xFFFF) | ((lo >>> 32) & 0xFFFF_0000L) | (hi << 32);
        int selector = (int) (lo >>> 16) & 0xFFFF;

        long oldRsp = cpu.r[Reg.RSP];
        long sp = oldRsp & ~0xFL;
        long rflags = cpu.rflags();
        sp -= 8; cpu.write64(sp, cpu.ss);
        sp -= 8; cpu.write64(sp, oldRsp);
        sp -= 8; cpu.write64(sp, rflags);
        sp -= 8; cpu.write64(sp, cpu.cs);
        sp -= 8; cpu.write64(sp, cpu.rip);
        if (hasError) { sp -= 8; cpu.write64(sp, error); }

        cpu.r[Reg.RSP] = sp;
        cpu.cs = selector;
        cpu.rip = target;
        long clear = Rflags.TF | Rflags.NT | Rflags.RF | (type == 0xE ? Rflags.IF : 0);
        cpu.rflagsSys &= ~clear;
        cpu.exitRun = true;
        cpu.interruptsDelivered++;
    }

    /** iretq in 64-bit mode: pops RIP, CS, RFLAGS, RSP, SS (SDM Vol. 2A, IRET). */
    public static void iretq(Cpu cpu) {
        long sp = cpu.r[Reg.RSP];
        long rip = cpu.read64(sp), cs = cpu.read64(sp + 8), rflags = cpu.read64(sp + 16);
        long rsp = cpu.read64(sp + 24), ss = cpu.read64(sp + 32);
        if ((cs & 3) != cpu.cpl)
            throw GuestFault.withCode(Vector.GP, cs & 0xFFFC, "iretq to a different privilege level is not modelled");
        cpu.rip = rip;
        cpu.cs = (int) cs & 0xFFFF;
        cpu.ss = (int) ss & 0xFFFF;
        cpu.r[Reg.RSP] = rsp;
        long keep = cpu.rflagsSys & (Rflags.VM | Rflags.VIF | Rflags.VIP);
        cpu.setRflags((rflags & (Rflags.POPF_MASK_CPL0 | Rflags.STATUS)) | keep);
        cpu.exitRun = true;
    }
}
