package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.isa.mmu.Access;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The boot page tables of docs/boot.md ("Boot page tables"), checked by walking them the way
 * the CPU does (IA-32e paging, SDM Vol. 3A 4.5) and by reading their entries.
 */
class BootPageTablesTest {
    private static final long KERNBASE = 0xffffffff80000000L;

    private static BootedImage boot() throws ImageException {
        return BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(2), "", null);
    }

    /** The leaf entry for {@code va}: walks PML4 -> PDPT -> PD (-> PT) by hand. */
    private static long leaf(PhysicalMemory mem, long cr3, long va, int[] levelOut) {
        long table = cr3 & 0xFFFFFFFFFF000L;
        for (int level = 4; level >= 1; level--) {
            long e = mem.read(table + (((va >>> (12 + 9 * (level - 1))) & 0x1FF) << 3), 8);
            if ((e & 1) == 0) return 0;
            if (level == 1 || (e & 0x80) != 0) { levelOut[0] = level; return e; }
            table = e & 0xFFFFFFFFFF000L;
        }
        return 0;
    }

    @Test
    void kernelPagesMapHighVirtualAddressesToTheirPhysicalLoadAddress() throws ImageException {
        Cpu c = boot().machine().cpu(0);
        assertEquals(0x100000L, c.mmu.peekTranslate(KERNBASE + 0x100000));
        assertEquals(0x100042L, c.mmu.peekTranslate(KERNBASE + 0x100042));
        assertEquals(0x101000L, c.mmu.peekTranslate(KERNBASE + 0x101000), ".rodata");
        assertEquals(0x102000L, c.mmu.peekTranslate(KERNBASE + 0x102000), ".data");
        assertEquals(0x104000L, c.mmu.peekTranslate(KERNBASE + 0x104000), "last page of .bss");
        assertEquals(-1L, c.mmu.peekTranslate(KERNBASE + 0x105000), "nothing is mapped past the kernel's last page");
        assertEquals(-1L, c.mmu.peekTranslate(KERNBASE + 0xFF000), "nor before its first");
    }

    @Test
    void identityMapCoversRamInWholeGibibytesWithTwoMibPages() throws ImageException {
        BootedImage b = boot();
        Cpu c = b.machine().cpu(0);
        for (long pa : new long[] {0, 0x8000, 0x10000, 0x100000, 0x3FFFFFF, 0x3FFF_FFFFL})
            assertEquals(pa, c.mmu.peekTranslate(pa), "identity 0x" + Long.toHexString(pa));
        assertEquals(-1L, c.mmu.peekTranslate(0x4000_0000L), "64 MiB of RAM: identity map ends at 1 GiB");
        assertEquals(0x4000_0000L, b.bootInfo().identityEnd());
        int[] level = new int[1];
        long e = leaf(b.machine().memory(), c.cr3, 0x200000, level);
        assertEquals(2, level[0], "identity leaves are PDEs with PS (2 MiB pages)");
        assertEquals(0x200000L | 0x83, e & ~0x60L, "P | RW | PS, not global, executable, user clear");
    }

    @Test
    void kernelLeavesAreGlobalAndCarryTheSegmentsRights() throws ImageException {
        BootedImage b = boot();
        PhysicalMemory mem = b.machine().memory();
        long cr3 = b.machine().cpu(0).cr3;
        int[] level = new int[1];
        long text = leaf(mem, cr3, KERNBASE + 0x100000, level);
        assertEquals(1, level[0], "kernel leaves are 4 KiB PTEs");
        assertEquals(0x100000L | 0x101, text & ~0x60L, ".text (R E): P | G, read-only, executable");
        long rodata = leaf(mem, cr3, KERNBASE + 0x101000, level);
        assertEquals(0x101000L | 0x101 | (1L << 63), rodata & ~0x60L, ".rodata (R): P | G | XD");
        long data = leaf(mem, cr3, KERNBASE + 0x103000, level);
        assertEquals(0x103000L | 0x103 | (1L << 63), data & ~0x60L, ".data/.bss (RW): P | RW | G | XD");
    }

    @Test
    void theMmuEnforcesThoseRights() throws ImageException {
        Cpu c = boot().machine().cpu(0);
        GuestFault w = assertThrows(GuestFault.class, () -> c.mmu.translate(KERNBASE + 0x100000, Access.WRITE));
        assertEquals(Vector.PF, w.vector(), "writing kernel text faults (CR0.WP is set)");
        GuestFault x = assertThrows(GuestFault.class, () -> c.mmu.translate(KERNBASE + 0x101000, Access.FETCH));
        assertEquals(Vector.PF, x.vector(), "fetching from .rodata faults (EFER.NXE, XD)");
        assertEquals(0x102000L, c.mmu.translate(KERNBASE + 0x102000, Access.WRITE), ".data is writable");
        assertEquals(0x8000L, c.mmu.translate(0x8000, Access.FETCH), "the identity map is executable (AP trampolines)");
    }

    @Test
    void tablesLiveInTheBootAreaFromThePml4Up() throws ImageException {
        BootedImage b = boot();
        BootInfo info = b.bootInfo();
        assertEquals(0x17000L, info.pml4());
        // PML4, identity PDPT, 1 identity PD, then PDPT + PD + PT for the kernel at KERNBASE + 1 MiB
        assertEquals(0x17000L + 6 * 0x1000, info.tablesEnd());
        long e = b.machine().memory().read(0x17000, 8);
        assertEquals(0x18003L, e & ~0x60L, "PML4[0] -> identity PDPT, P | RW");
        long hi = b.machine().memory().read(0x17000 + 511 * 8, 8);
        assertTrue((hi & 1) != 0 && (hi & ~0xFFFL & 0xFFFFFFFFFFL) >= 0x18000 && (hi & ~0xFFFL & 0xFFFFFFFFFFL) < info.tablesEnd(),
                "PML4[511] -> a table inside the boot tables");
    }

    @Test
    void ramBeyondWhatTheBootAreaCanMapIsRefused() {
        PhysicalMemory mem = new PhysicalMemory(2 << 20);
        List<ProgramHeader> none = List.of();
        ImageException x = assertThrows(ImageException.class, () -> BootPageTables.build(mem, 200L << 30, none));
        assertTrue(x.getMessage().startsWith("boot page tables do not fit in 0x17000-0xa0000 of the boot area"), x.getMessage());
    }
}
