package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import org.junit.jupiter.api.Test;

/**
 * The boot CPU's state at the kernel's first instruction, as docs/boot.md ("BSP entry state")
 * promises it, checked number by number; control-register bits from SDM Vol. 3A 2.5, EFER
 * from 2.2.1.
 */
class EntryStateTest {
    private static Cpu bootCpu(int cpus) throws ImageException {
        return BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(cpus), "", null).machine().cpu(0);
    }

    @Test
    void bspStartsAtTheEntryPointWithTheBootInfoInRdiAndTheBootStackInRsp() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(2), "", null);
        Cpu c = b.machine().cpu(0);
        assertEquals(b.image().symbols().lookup("start").orElseThrow().value(), c.rip, "RIP = e_entry = start");
        assertEquals(0xffffffff80100000L, c.rip);
        assertEquals(0x10000L, c.r[Reg.RDI], "RDI = boot info (physical = identity-mapped virtual)");
        assertEquals(0x17000L, c.r[Reg.RSP], "RSP = top of the boot stack, 16-byte aligned");
        for (int r = 0; r < 16; r++)
            if (r != Reg.RDI && r != Reg.RSP) assertEquals(0L, c.r[r], Reg.name(r) + " is zero at entry");
        assertEquals(Cpu.State.RUNNING, c.state);
    }

    @Test
    void bspIsInLongModeWithPagingOnTheBootTables() throws ImageException {
        Cpu c = bootCpu(1);
        assertEquals(0x8001_0031L, c.cr0, "CR0 = PG | WP | NE | ET | PE");
        assertEquals(0xA0L, c.cr4, "CR4 = PGE | PAE");
        assertEquals(0xD00L, c.efer, "EFER = NXE | LMA | LME (SCE clear)");
        assertEquals(0x17000L, c.cr3, "CR3 = the boot PML4, PWT and PCD clear");
        assertEquals(0L, c.cr2);
        assertEquals(0, c.cpl);
    }

    @Test
    void bspHasInterruptsOffAndNoIdt() throws ImageException {
        Cpu c = bootCpu(1);
        assertEquals(0x2L, c.rflags(), "RFLAGS = 0x2: IF, DF and every status flag clear");
        assertEquals(0L, c.idtBase);
        assertEquals(0, c.idtLimit, "no IDT: any exception before lidt escalates to a triple fault");
    }

    @Test
    void segmentRegistersAndTheBootGdt() throws ImageException {
        Cpu c = bootCpu(1);
        assertEquals(0x08, c.cs);
        assertEquals(0x10, c.ss);
        assertEquals(0x10, c.ds);
        assertEquals(0x10, c.es);
        assertEquals(0, c.fs);
        assertEquals(0, c.gs);
        assertEquals(0L, c.fsBase);
        assertEquals(0L, c.gsBase);
        assertEquals(0L, c.kernelGsBase);
        assertEquals(0x12000L, c.gdtBase);
        assertEquals(0x17, c.gdtLimit);
        var mem = c.machine.memory();
        assertEquals(0L, mem.read(0x12000, 8), "GDT[0] null");
        assertEquals(0x00AF9A000000FFFFL, mem.read(0x12008, 8), "GDT[1] (0x08): 64-bit ring-0 code");
        assertEquals(0x00CF92000000FFFFL, mem.read(0x12010, 8), "GDT[2] (0x10): ring-0 data");
    }

    @Test
    void applicationProcessorsStayParked() throws ImageException {
        var m = BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(4), "", null).machine();
        for (int i = 1; i < 4; i++) assertEquals(Cpu.State.PARKED, m.cpu(i).state, "cpu" + i);
    }
}
