package dev.tk86.loader.boot;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import java.util.Arrays;

/**
 * The boot CPU's state at the kernel's first instruction (docs/boot.md, "BSP entry state"):
 * 64-bit mode with paging on the boot tables, ring 0, interrupts off, no IDT, RSP on the boot
 * stack and RDI pointing at the boot info. The application processors stay parked.
 */
public final class EntryState {
    private EntryState() { }

    public static final long CR0 = Cr.CR0_PE | Cr.CR0_ET | Cr.CR0_NE | Cr.CR0_WP | Cr.CR0_PG;
    public static final long CR4 = Cr.CR4_PAE | Cr.CR4_PGE;
    public static final long EFER = Cr.EFER_LME | Cr.EFER_LMA | Cr.EFER_NXE;

    public static void apply(Cpu bsp, long entry) {
        Arrays.fill(bsp.r, 0);
        bsp.writeEfer(EFER);
        bsp.writeCr4(CR4);
        bsp.writeCr3(BootLayout.PML4);
        bsp.writeCr0(CR0);
        bsp.cr2 = 0;
        bsp.mmu.flushAll();
        bsp.cs = Gdt.CODE_SELECTOR;
        bsp.ss = bsp.ds = bsp.es = Gdt.DATA_SELECTOR;
        bsp.fs = bsp.gs = 0;
        bsp.fsBase = bsp.gsBase = bsp.kernelGsBase = 0;
        bsp.cpl = 0;
        bsp.gdtBase = BootLayout.GDT;
        bsp.gdtLimit = Gdt.LIMIT;
        bsp.idtBase = 0;
        bsp.idtLimit = 0;
        bsp.setRflags(Rflags.FIXED1);
        bsp.r[Reg.RSP] = BootLayout.STACK_TOP;
        bsp.r[Reg.RDI] = BootLayout.BOOT_INFO;
        bsp.rip = entry;
        bsp.state = Cpu.State.RUNNING;
        bsp.exitRun = false;
    }
}
