package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.mmu.Mmu;

/**
 * rdmsr and wrmsr (SDM Vol. 2B; the MSRs in Vol. 4). ECX selects the MSR, EDX:EAX holds the
 * value. CPL 0 only. The MSRs tk86 has:
 * <table>
 *   <caption>Model-specific registers</caption>
 *   <tr><th>MSR</th><th>name</th><th>behaviour</th></tr>
 *   <tr><td>0x10</td><td>TSC</td><td>reads the step-counted TSC; a write sets it (kept as an offset)</td></tr>
 *   <tr><td>0x1B</td><td>APIC_BASE</td><td>0xFEE00000 | EN | EXTD (| BSP on CPU 0); writes must keep that value</td></tr>
 *   <tr><td>0x800..0x8FF</td><td>x2APIC</td><td>the local APIC's registers ({@link dev.tk86.isa.apic.LocalApic})</td></tr>
 *   <tr><td>0xC0000080</td><td>EFER</td><td>SCE, LME, LMA (read-only), NXE; LME cannot change while paging is on</td></tr>
 *   <tr><td>0xC0000081/82/84</td><td>STAR, LSTAR, FMASK</td><td>stored (syscall is not in the subset)</td></tr>
 *   <tr><td>0xC0000100/101/102</td><td>FS_BASE, GS_BASE, KERNEL_GS_BASE</td><td>canonical addresses</td></tr>
 *   <tr><td>0xC0000103</td><td>TSC_AUX</td><td>32 bits</td></tr>
 * </table>
 * Any other MSR, a reserved bit, or a non-canonical base raises #GP(0).
 */
public final class Msrs {
    private Msrs() { }

    static final long APIC_BASE_VALUE = 0xFEE0_0000L | (1L << 11) | (1L << 10);
    static final long APIC_BSP = 1L << 8;
    static final long EFER_WRITABLE = Cr.EFER_SCE | Cr.EFER_LME | Cr.EFER_NXE;

    static Op bind(Insn insn) {
        return switch (insn.mnemonic()) {
            case RDMSR -> new Rdmsr(insn.length());
            default -> new Wrmsr(insn.length());
        };
    }

    /** The MSR as rdmsr would read it (debuggers: gdb's monitor msr); unknown MSRs throw #GP. */
    public static long read(Cpu c, int msr) {
        if (c.apic.handles(msr)) return c.apic.read(msr);
        return switch (msr) {
            case Msr.TSC -> c.tsc();
            case Msr.APIC_BASE -> APIC_BASE_VALUE | (c.id == 0 ? APIC_BSP : 0);
            case Msr.EFER -> c.efer;
            case Msr.STAR -> c.star;
            case Msr.LSTAR -> c.lstar;
            case Msr.FMASK -> c.fmask;
            case Msr.FS_BASE -> c.fsBase;
            case Msr.GS_BASE -> c.gsBase;
            case Msr.KERNEL_GS_BASE -> c.kernelGsBase;
            case Msr.TSC_AUX -> c.tscAux;
            default -> throw unknown("rdmsr", msr);
        };
    }

    static void write(Cpu c, int msr, long v) {
        if (c.apic.handles(msr)) { c.apic.write(msr, v); return; }
        switch (msr) {
            case Msr.TSC -> c.tscOffset = v - c.steps;
            case Msr.APIC_BASE -> {
                if ((v & ~APIC_BSP) != APIC_BASE_VALUE)
                    throw GuestFault.gp(String.format("wrmsr APIC_BASE 0x%x: tk86's local APIC stays enabled in x2APIC mode at 0xFEE00000", v));
            }
            case Msr.EFER -> {
                if ((v & ~(EFER_WRITABLE | Cr.EFER_LMA)) != 0) throw GuestFault.gp(String.format("wrmsr EFER 0x%x sets reserved bits", v));
                if (c.pagingEnabled() && ((v ^ c.efer) & Cr.EFER_LME) != 0) throw GuestFault.gp("wrmsr EFER changes LME while paging is on");
                c.writeEfer((v & EFER_WRITABLE) | (c.efer & Cr.EFER_LMA));
            }
            case Msr.STAR -> c.star = v;
            case Msr.LSTAR -> c.lstar = canonical("LSTAR", v);
            case Msr.FMASK -> c.fmask = v;
            case Msr.FS_BASE -> c.fsBase = canonical("FS_BASE", v);
            case Msr.GS_BASE -> c.gsBase = canonical("GS_BASE", v);
            case Msr.KERNEL_GS_BASE -> c.kernelGsBase = canonical("KERNEL_GS_BASE", v);
            case Msr.TSC_AUX -> {
                if ((v >>> 32) != 0) throw GuestFault.gp("wrmsr TSC_AUX with bits 63:32 set");
                c.tscAux = v;
            }
            default -> throw unknown("wrmsr", msr);
        }
    }

    private static long canonical(String name, long v) {
        if (!Mmu.isCanonical(v)) throw GuestFault.gp(String.format("wrmsr %s 0x%x is not canonical", name, v));
        return v;
    }

    private static GuestFault unknown(String insn, int msr) {
        return GuestFault.gp(String.format("%s of MSR 0x%x, which tk86 does not have", insn, msr));
    }

    static final class Rdmsr extends Op {
        Rdmsr(int length) { super(length); }

        @Override public void exec(Cpu c) {
            SystemOps.requireCpl0(c, "rdmsr");
            long v = read(c, (int) c.r[Reg.RCX]);
            c.r[Reg.RAX] = v & 0xFFFF_FFFFL;
            c.r[Reg.RDX] = v >>> 32;
        }
    }

    static final class Wrmsr extends Op {
        Wrmsr(int length) { super(length); }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            SystemOps.requireCpl0(c, "wrmsr");
            write(c, (int) c.r[Reg.RCX], (c.r[Reg.RDX] << 32) | (c.r[Reg.RAX] & 0xFFFF_FFFFL));
            c.exitRun = true;
        }
    }
}
