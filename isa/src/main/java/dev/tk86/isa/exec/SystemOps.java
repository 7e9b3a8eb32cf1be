package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Operand;
import dev.tk86.isa.fault.GuestFault;

/**
 * Privileged and system instructions: mov to and from cr0/cr2/cr3/cr4, invlpg, lgdt, lidt,
 * swapgs, hlt, cli, sti, rdtsc (SDM Vol. 2 and Vol. 3A, 2.5 and 2.8). rdmsr/wrmsr are in
 * {@link Msrs}, cpuid in {@link CpuidLeaves}, in/out in {@link PortIo}.
 *
 * <p>At CPL 3 the CPL-0 instructions raise #GP(0); cli and sti need CPL &lt;= IOPL; rdtsc needs
 * CPL 0 only when CR4.TSD is set. Anything that changes what the executor caches (CR0, CR3,
 * CR4, a TLB entry, IF, halting) sets {@code cpu.exitRun}.
 */
final class SystemOps {
    private SystemOps() { }

    /** CR4 bits tk86 lets software set: the ones that need no feature beyond the subset. */
    static final long CR4_ALLOWED = (1L << 2) | (1L << 3) | Cr.CR4_PSE | Cr.CR4_PAE | (1L << 6) | Cr.CR4_PGE
            | (1L << 8) | Cr.CR4_OSFXSR | (1L << 10);
    static final long CR4_TSD = 1L << 2;

    static Op bind(Insn insn) {
        int len = insn.length();
        return switch (insn.mnemonic()) {
            case INVLPG -> new Invlpg(len, new Ea((Operand.Mem) insn.operand(0)));
            case LGDT -> new LoadTable(len, new Ea((Operand.Mem) insn.operand(0)), true);
            case LIDT -> new LoadTable(len, new Ea((Operand.Mem) insn.operand(0)), false);
            case SWAPGS -> new Swapgs(len);
            case HLT -> new Hlt(len);
            case CLI -> new Cli(len);
            case STI -> new Sti(len);
            case RDTSC -> new Rdtsc(len);
            default -> throw new IllegalArgumentException(insn.mnemonic().toString());
        };
    }

    /** #GP(0) unless at CPL 0. */
    static void requireCpl0(Cpu c, String what) {
        if (c.cpl != 0) throw GuestFault.gp(what + " at CPL " + c.cpl);
    }

    /** #GP(0) unless CPL &lt;= IOPL (cli, sti, in, out without an I/O permission bitmap). */
    static void requireIopl(Cpu c, String what) {
        long iopl = (c.rflagsSys & Rflags.IOPL) >>> 12;
        if (c.cpl > iopl) throw GuestFault.gp(what + " at CPL " + c.cpl + " with IOPL " + iopl);
    }

    // --- control registers -------------------------------------------------------------------------

    static Op bindMovCr(Insn insn) {
        if (insn.operand(0) instanceof Operand.Cr cr) {
            checkCr(cr.num());
            return new MovToCr(insn.length(), cr.num(), ((Operand.Reg) insn.operand(1)).num());
        }
        Operand.Cr cr = (Operand.Cr) insn.operand(1);
        checkCr(cr.num());
        return new MovFromCr(insn.length(), ((Operand.Reg) insn.operand(0)).num(), cr.num());
    }

    private static void checkCr(int n) {
        if (n != 0 && n != 2 && n != 3 && n != 4)
            throw new DecodeException(DecodeException.Kind.UNDEFINED, 0, "mov to or from %cr" + n + " (tk86 has cr0, cr2, cr3, cr4)");
    }

    static final class MovFromCr extends Op {
        private final int d, cr;
        private final String name; // built once: a context switch runs this every time

        MovFromCr(int length, int d, int cr) { super(length); this.d = d; this.cr = cr; this.name = "mov from %cr" + cr; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, name);
            c.r[d] = switch (cr) {
                case 0 -> c.cr0;
                case 2 -> c.cr2;
                case 3 -> c.cr3;
                default -> c.cr4;
            };
        }
    }

    /**
     * mov to a control register, with the checks of SDM Vol. 2B, MOV (Control Registers),
     * "64-Bit Mode Exceptions": reserved bits, PG without PE, NW without CD, clearing PG or
     * PAE in IA-32e mode. CR0.ET always reads 1. Enabling paging with EFER.LME sets EFER.LMA.
     */
    static final class MovToCr extends Op {
        private final int cr, s;
        private final String name; // built once: a context switch runs this every time

        MovToCr(int length, int cr, int s) { super(length); this.cr = cr; this.s = s; this.name = "mov to %cr" + cr; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, name);
            long v = c.r[s];
            boolean longMode = (c.efer & Cr.EFER_LMA) != 0;
            switch (cr) {
                case 0 -> {
                    if ((v >>> 32) != 0) throw GuestFault.gp("reserved CR0 bits 63:32 set");
                    if ((v & Cr.CR0_PG) != 0 && (v & Cr.CR0_PE) == 0) throw GuestFault.gp("CR0.PG without CR0.PE");
                    if ((v & Cr.CR0_NW) != 0 && (v & Cr.CR0_CD) == 0) throw GuestFault.gp("CR0.NW without CR0.CD");
                    if (longMode && (v & Cr.CR0_PG) == 0) throw GuestFault.gp("clearing CR0.PG in 64-bit mode");
                    if ((v & Cr.CR0_PG) != 0 && (c.efer & Cr.EFER_LME) != 0 && (c.cr4 & Cr.CR4_PAE) == 0)
                        throw GuestFault.gp("CR0.PG with EFER.LME but without CR4.PAE");
                    c.writeCr0(v | Cr.CR0_ET);
                    if ((v & Cr.CR0_PG) != 0 && (c.efer & Cr.EFER_LME) != 0) c.efer |= Cr.EFER_LMA;
                }
                case 2 -> c.cr2 = v;
                case 3 -> {
                    if ((v >>> 40) != 0) throw GuestFault.gp(String.format("CR3 0x%x has bits set above MAXPHYADDR (40)", v));
                    c.writeCr3(v);
                }
                default -> {
                    if ((v & ~CR4_ALLOWED) != 0)
                        throw GuestFault.gp(String.format("CR4 bits 0x%x are reserved or name features tk86 does not have", v & ~CR4_ALLOWED));
                    if (longMode && (v & Cr.CR4_PAE) == 0) throw GuestFault.gp("clearing CR4.PAE in 64-bit mode");
                    c.writeCr4(v);
                }
            }
        }
    }

    // --- TLB, descriptor tables, GS ------------------------------------------------------------------

    static final class Invlpg extends Op {
        private final Ea ea;

        Invlpg(int length, Ea ea) { super(length); this.ea = ea; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, "invlpg");
            c.mmu.invlpg(ea.la(c));
            c.exitRun = true;
        }
    }

    /** lgdt/lidt: a 2-byte limit followed by an 8-byte base (SDM Vol. 2A, LGDT/LIDT). */
    static final class LoadTable extends Op {
        private final Ea ea;
        private final boolean gdt;

        LoadTable(int length, Ea ea, boolean gdt) { super(length); this.ea = ea; this.gdt = gdt; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, gdt ? "lgdt" : "lidt");
            long la = ea.la(c);
            int limit = (int) c.read16(la);
            long base = c.read64(la + 2);
            if (gdt) { c.gdtBase = base; c.gdtLimit = limit; } else { c.idtBase = base; c.idtLimit = limit; }
        }
    }

    static final class Swapgs extends Op {
        Swapgs(int length) { super(length); }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, "swapgs");
            long t = c.gsBase;
            c.gsBase = c.kernelGsBase;
            c.kernelGsBase = t;
        }
    }

    // --- interrupts and halting ----------------------------------------------------------------------

    static final class Hlt extends Op {
        Hlt(int length) { super(length); }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireCpl0(c, "hlt");
            c.state = Cpu.State.HALTED;
            c.exitRun = true;
        }
    }

    static final class Cli extends Op {
        Cli(int length) { super(length); }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireIopl(c, "cli");
            c.rflagsSys &= ~Rflags.IF;
            c.exitRun = true;
        }
    }

    /** sti: if IF was clear, interrupts stay blocked until after the next instruction (SDM Vol. 3A, 6.8.3). */
    static final class Sti extends Op {
        Sti(int length) { super(length); }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu c) {
            requireIopl(c, "sti");
            if ((c.rflagsSys & Rflags.IF) != 0) return;
            c.rflagsSys |= Rflags.IF;
            c.interruptShadowUntil = c.steps + 1;
            c.exitRun = true;
        }
    }

    /** rdtsc: EDX:EAX = the step-counted time-stamp counter. */
    static final class Rdtsc extends Op {
        Rdtsc(int length) { super(length); }

        @Override public void exec(Cpu c) {
            if ((c.cr4 & CR4_TSD) != 0) requireCpl0(c, "rdtsc with CR4.TSD");
            long t = c.tsc();
            c.r[Reg.RAX] = t & 0xFFFF_FFFFL;
            c.r[Reg.RDX] = t >>> 32;
        }
    }
}
