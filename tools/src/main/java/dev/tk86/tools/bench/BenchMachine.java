package dev.tk86.tools.bench;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.tools.x86.PageTables;
import dev.tk86.tools.x86.SnippetLayout;

/**
 * A one-CPU machine set up to run a benchmark loop in ring 0 with 4-level paging on and the
 * TLB honoured: code at {@link #CODE} and a 1 MiB stack below {@link #STACK_TOP}, mapped with
 * 4 KiB pages, not global (so a CR3 load really flushes them). For the CR3 variant a second
 * PML4 maps the same code and stack, and the two PML4 addresses are passed in %r8 (thread A,
 * the one CR3 starts with) and %r9 (thread B), as switch.S expects.
 */
public final class BenchMachine {
    public static final long CODE = 0x40_0000;
    public static final long STACK_TOP = 0x80_0000, STACK_SIZE = 1L << 20;
    private static final long TABLES = 0x10_0000, TABLES_END = 0x12_0000;

    private final Machine machine;

    public BenchMachine(byte[] code, boolean twoAddressSpaces, CpuVendor vendor) {
        machine = new Machine(MachineConfig.defaults().withCpus(1).withVendor(vendor));
        PhysicalMemory mem = machine.memory();
        mem.load(CODE, code, 0, code.length);
        PageTables pt = new PageTables(mem, TABLES, TABLES_END);
        for (long a = CODE & ~0xFFFL; a < CODE + code.length; a += PhysicalMemory.PAGE_SIZE) pt.map4k(a, a, 0);
        for (long a = STACK_TOP - STACK_SIZE; a < STACK_TOP; a += PhysicalMemory.PAGE_SIZE) pt.map4k(a, a, PageTables.RW);
        Cpu cpu = machine.cpu(0);
        cpu.cr0 = SnippetLayout.CR0_PAGING;
        cpu.cr4 = SnippetLayout.CR4_PAGING;
        cpu.efer = SnippetLayout.EFER_PAGING;
        cpu.cr3 = pt.pml4();
        if (twoAddressSpaces) {
            cpu.r[Reg.R8] = pt.pml4();
            cpu.r[Reg.R9] = pt.clonePml4();
        }
        cpu.mmu.flushAll();
        cpu.r[Reg.RSP] = STACK_TOP;
        cpu.setRflags(Rflags.FIXED1);
        cpu.rip = CODE;
    }

    public Machine machine() { return machine; }
}
