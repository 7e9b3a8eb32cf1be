package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.exec.Msrs;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.mmu.PageWalker;
import dev.tk86.isa.tlb.TlbEntry;
import java.util.List;

/**
 * The machine state a debugger and the GDB stub's monitor show: registers, control registers,
 * one page walk level by level, a CPU's TLB, an MSR. Text only; nothing here changes the machine.
 */
public final class MachineViews {
    private MachineViews() { }

    private static final String[] GPR = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
    private static final int[] SHOW_ORDER = {0, 3, 1, 2, 6, 7, 5, 4, 8, 9, 10, 11, 12, 13, 14, 15};

    public static String gprName(int i) { return GPR[i]; }

    public static String registers(Cpu c) {
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < 16; k++) {
            int i = SHOW_ORDER[k];
            s.append(String.format("%-4s 0x%016x%s", GPR[i], c.r[i], k % 2 == 1 ? "\n" : "   "));
        }
        s.append(String.format("rip  0x%016x   eflags 0x%08x %s%n", c.rip, c.rflags(), flags(c.rflags())));
        s.append(String.format("cs 0x%x ss 0x%x ds 0x%x es 0x%x fs 0x%x gs 0x%x   cpl %d%n", c.cs, c.ss, c.ds, c.es, c.fs, c.gs, c.cpl));
        s.append(String.format("fs_base 0x%x   gs_base 0x%x   k_gs_base 0x%x%n", c.fsBase, c.gsBase, c.kernelGsBase));
        return s.toString();
    }

    public static String flags(long f) {
        StringBuilder s = new StringBuilder("[");
        String[] names = {"CF", "", "PF", "", "AF", "", "ZF", "SF", "TF", "IF", "DF", "OF"};
        for (int b = 0; b < names.length; b++) if (!names[b].isEmpty() && (f & (1L << b)) != 0) s.append(' ').append(names[b]);
        return s.append(" ]").toString();
    }

    public static long cr8(Cpu c) { return (c.apic.read(Msr.X2APIC_TPR) >>> 4) & 0xF; }

    public static String controlRegisters(Cpu c) {
        return String.format("cr0  0x%016x  %s%ncr2  0x%016x%ncr3  0x%016x  (PML4 at 0x%x)%ncr4  0x%016x  %s%n"
                        + "cr8  0x%016x%nefer 0x%016x  %s%ngdtr 0x%016x/0x%x   idtr 0x%016x/0x%x%n",
                c.cr0, bits(c.cr0, new long[]{Cr.CR0_PE, Cr.CR0_MP, Cr.CR0_ET, Cr.CR0_NE, Cr.CR0_WP, Cr.CR0_AM, Cr.CR0_NW, Cr.CR0_CD, Cr.CR0_PG},
                        new String[]{"PE", "MP", "ET", "NE", "WP", "AM", "NW", "CD", "PG"}),
                c.cr2, c.cr3, c.cr3 & Cr.CR3_PML4_MASK,
                c.cr4, bits(c.cr4, new long[]{Cr.CR4_PSE, Cr.CR4_PAE, Cr.CR4_PGE, Cr.CR4_OSFXSR, Cr.CR4_FSGSBASE},
                        new String[]{"PSE", "PAE", "PGE", "OSFXSR", "FSGSBASE"}),
                cr8(c), c.efer, bits(c.efer, new long[]{Cr.EFER_SCE, Cr.EFER_LME, Cr.EFER_LMA, Cr.EFER_NXE},
                        new String[]{"SCE", "LME", "LMA", "NXE"}),
                c.gdtBase, c.gdtLimit, c.idtBase, c.idtLimit);
    }

    private static String bits(long v, long[] masks, String[] names) {
        StringBuilder s = new StringBuilder("[");
        for (int i = 0; i < masks.length; i++) if ((v & masks[i]) != 0) s.append(' ').append(names[i]);
        return s.append(" ]").toString();
    }

    /** {@code pt VA}: the walk on {@code c} as the MMU would do it, every level's entry and flags. */
    public static String pageWalk(Cpu c, long va) {
        StringBuilder s = new StringBuilder(String.format("page walk of 0x%016x on cpu%d, cr3 0x%x%n", va, c.id, c.cr3));
        if (!c.pagingEnabled()) return s.append("paging is off: physical = virtual\n").toString();
        String[] level = {"", "PTE  ", "PDE  ", "PDPTE", "PML4E"};
        PageWalker.Inspection w = c.mmu.walker.inspect(c.cr3, c.cr4, c.efer, va);
        for (PageWalker.Level l : w.levels()) {
            int index = (int) ((va >>> (12 + 9 * (l.level() - 1))) & 0x1FF);
            s.append(String.format("  %s[%3d] at 0x%010x = 0x%016x  %s%n", level[l.level()], index, l.entryAddress(), l.entry(), entryFlags(l.entry(), l.level())));
        }
        if (w.problem() != null) s.append("  no translation: ").append(w.problem()).append('\n');
        else s.append(String.format("  -> physical 0x%x%n", w.physical()));
        return s.toString();
    }

    public static String entryFlags(long e, int level) {
        StringBuilder s = new StringBuilder();
        s.append((e & PageWalker.P) != 0 ? "P" : "-");
        s.append((e & PageWalker.RW) != 0 ? " RW" : " RO");
        s.append((e & PageWalker.US) != 0 ? " U" : " S");
        if ((e & PageWalker.PWT) != 0) s.append(" PWT");
        if ((e & PageWalker.PCD) != 0) s.append(" PCD");
        if ((e & PageWalker.A) != 0) s.append(" A");
        if ((e & PageWalker.D) != 0) s.append(" D");
        if ((e & PageWalker.PS) != 0 && level > 1) s.append(level == 3 ? " PS(1G)" : " PS(2M)");
        if ((e & PageWalker.G) != 0) s.append(" G");
        if ((e & PageWalker.XD) != 0) s.append(" XD");
        return s.toString();
    }

    public static String tlb(Cpu c) {
        List<TlbEntry> entries = c.mmu.tlb.entries();
        StringBuilder s = new StringBuilder(String.format("cpu%d TLB: %d entries (generation %d)%n", c.id, entries.size(), c.mmu.tlb.generation()));
        for (TlbEntry e : entries) {
            s.append(String.format("  0x%016x -> 0x%010x %-4s %s%s%s%s%s%n", e.va(), e.pa(), size(e.pageShift()),
                    e.writable() ? "RW" : "RO", e.user() ? " U" : " S", e.noExec() ? " XD" : "", e.global() ? " G" : "", e.dirty() ? " D" : ""));
        }
        return s.toString();
    }

    private static String size(int shift) { return shift == 30 ? "1G" : shift == 21 ? "2M" : "4K"; }

    /** {@code msr N}: the value rdmsr would read, or why there is none. */
    public static String msr(Cpu c, int msr) {
        try {
            return String.format("cpu%d msr 0x%x = 0x%x%n", c.id, msr, Msrs.read(c, msr));
        } catch (GuestFault f) {
            return String.format("cpu%d has no msr 0x%x (rdmsr would raise #GP)%n", c.id, msr);
        }
    }

}
