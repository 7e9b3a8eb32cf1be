package dev.tk86.isa.mmu;

import static dev.tk86.isa.mmu.PageTableBuilder.A;
import static dev.tk86.isa.mmu.PageTableBuilder.D;
import static dev.tk86.isa.mmu.PageTableBuilder.G;
import static dev.tk86.isa.mmu.PageTableBuilder.P;
import static dev.tk86.isa.mmu.PageTableBuilder.RW;
import static dev.tk86.isa.mmu.PageTableBuilder.US;
import static dev.tk86.isa.mmu.PageTableBuilder.XD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.PfError;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IA-32e paging: translation, rights, #PF error codes, A/D flags (SDM Vol. 3A, 4.5 to 4.8). */
class PagingRulesTest {
    static final long VA = 0x0000_7f00_0040_0000L;
    Machine m;
    Cpu cpu;
    PageTableBuilder pt;

    @BeforeEach
    void setUp() {
        m = new Machine(MachineConfig.defaults().withCpus(1).withMemory(16L << 20));
        cpu = m.cpu(0);
        pt = new PageTableBuilder(m.memory(), 0x10_0000);
        pt.activate(cpu);
    }

    GuestFault fault(Runnable access) {
        return assertThrows(GuestFault.class, access::run);
    }

    @Test
    void fourLevelWalkTranslatesWithTwelveBitOffset_SDM_4_5() {
        pt.map4k(VA, 0x30_0000, P | RW);
        m.memory().write(0x30_0123, 8, 0x1122_3344_5566_7788L);
        assertEquals(0x1122_3344_5566_7788L, cpu.read64(VA + 0x123));
    }

    @Test
    void pdeWithPsMapsTwoMegabytePage_SDM_4_5_Table_4_18() {
        pt.map2m(0x4000_0000L, 0x60_0000, P | RW);
        m.memory().write(0x60_0000 + 0x1F_FFF8, 8, 42);
        assertEquals(42, cpu.read64(0x4000_0000L + 0x1F_FFF8));
    }

    @Test
    void pdpteWithPsMapsOneGigabytePage_SDM_4_5_Table_4_16() {
        pt.map1g(0x80_0000_0000L, 0, P | RW);
        m.memory().write(0xA0_0000, 4, 0xCAFE);
        assertEquals(0xCAFE, cpu.read32(0x80_0000_0000L + 0xA0_0000));
    }

    @Test
    void notPresentEntryRaisesPfWithPClearAndTheAccessBits_SDM_4_7() {
        GuestFault f = fault(() -> cpu.write64(VA, 1));
        assertEquals(Vector.PF, f.vector());
        assertEquals(PfError.WR, f.errorCode());
        assertEquals(VA, f.cr2());
    }

    @Test
    void supervisorWriteToReadOnlyPageFaultsOnlyWhenCr0WpIsSet_SDM_4_6_1() {
        pt.map4k(VA, 0x30_0000, P);
        GuestFault f = fault(() -> cpu.write8(VA, 1));
        assertEquals(PfError.P | PfError.WR, f.errorCode());
        cpu.writeCr0(cpu.cr0 & ~Cr.CR0_WP);
        cpu.write8(VA, 7);
        assertEquals(7, m.memory().read8(0x30_0000));
    }

    @Test
    void userModeAccessToSupervisorPageFaults_SDM_4_6() {
        pt.map4k(VA, 0x30_0000, P | RW);
        cpu.setCpl(3);
        GuestFault f = fault(() -> cpu.read8(VA));
        assertEquals(PfError.P | PfError.US, f.errorCode());
    }

    @Test
    void userWriteNeedsReadWriteAtEveryLevel_SDM_4_6() {
        pt.map4k(VA, 0x30_0000, P | RW | US);
        long pde = pt.entryAddress(VA, 2);
        m.memory().write(pde, 8, m.memory().read(pde, 8) & ~RW);
        cpu.setCpl(3);
        GuestFault f = fault(() -> cpu.write8(VA, 1));
        assertEquals(PfError.P | PfError.WR | PfError.US, f.errorCode());
        assertEquals(0, cpu.read8(VA)); // reading is still allowed
    }

    @Test
    void fetchFromNoExecutePageFaultsWithInstructionFetchBit_SDM_4_6_2() {
        pt.map4k(VA, 0x30_0000, P | RW | XD);
        GuestFault f = fault(() -> cpu.mmu.fetchPage(VA));
        assertEquals(PfError.P | PfError.ID, f.errorCode());
        cpu.read8(VA); // data reads are fine
    }

    @Test
    void xdBitIsReservedWhenEferNxeIsClear_SDM_4_5() {
        pt.map4k(VA, 0x30_0000, P | RW | XD);
        cpu.writeEfer(cpu.efer & ~Cr.EFER_NXE);
        GuestFault f = fault(() -> cpu.read8(VA));
        assertEquals(PfError.P | PfError.RSVD, f.errorCode());
    }

    @Test
    void physicalAddressBitAboveMaxPhyAddrIsReserved_SDM_4_5() {
        pt.setEntry(VA, 1, (1L << 45) | 0x30_0000 | P | RW);
        GuestFault f = fault(() -> cpu.read8(VA));
        assertTrue((f.errorCode() & PfError.RSVD) != 0);
    }

    @Test
    void peekTranslatesLikeTheWalkButSetsNoAccessedFlagAndCountsNoWalk() {
        pt.map4k(VA, 0x30_0000, P | RW);
        pt.map2m(0x4000_0000L, 0x60_0000, P | RW);
        pt.map1g(0x80_0000_0000L, 0, P | RW);
        assertEquals(0x30_0123L, cpu.mmu.peekTranslate(VA + 0x123));
        assertEquals(0x60_0000L + 0x1F_FFF8, cpu.mmu.peekTranslate(0x4000_0000L + 0x1F_FFF8));
        assertEquals(0xA0_0000L, cpu.mmu.peekTranslate(0x80_00A0_0000L));
        for (int level = 4; level >= 1; level--) assertEquals(0, pt.entry(VA, level) & A, "no A at level " + level);
        assertEquals(0, cpu.mmu.walker.walks, "a peek is not an access");
        assertEquals(-1, cpu.mmu.peekTranslate(VA + 0x1000), "not present: no translation, no fault");
    }

    @Test
    void peekRefusesAnEntryWithAReservedBitAsTheWalkDoes_SDM_4_5() {
        pt.setEntry(VA, 1, (1L << 45) | 0x30_0000 | P | RW);
        assertEquals(-1, cpu.mmu.peekTranslate(VA), "the access would raise #PF with RSVD");
        assertTrue((fault(() -> cpu.read8(VA)).errorCode() & PfError.RSVD) != 0);
    }

    @Test
    void walkSetsAccessedInEveryEntryAndDirtyOnlyInTheLeafOnWrite_SDM_4_8() {
        pt.map4k(VA, 0x30_0000, P | RW);
        cpu.read8(VA);
        for (int level = 4; level >= 1; level--) assertTrue((pt.entry(VA, level) & A) != 0, "A at level " + level);
        assertEquals(0, pt.entry(VA, 1) & D);
        cpu.write8(VA, 1);
        assertTrue((pt.entry(VA, 1) & D) != 0);
        assertEquals(0, pt.entry(VA, 2) & D, "non-leaf entries have no dirty flag");
    }

    @Test
    void firstWriteThroughACleanCachedTranslationSetsDirty_SDM_4_8() {
        pt.map4k(VA, 0x30_0000, P | RW);
        cpu.read8(VA);               // cached with D = 0
        cpu.write8(VA, 5);
        assertTrue((pt.entry(VA, 1) & D) != 0);
    }

    @Test
    void nonCanonicalAddressRaisesGeneralProtection_SDM_3_3_7_1() {
        GuestFault f = fault(() -> cpu.read8(0x0000_8000_0000_0000L));
        assertEquals(Vector.GP, f.vector());
    }

    @Test
    void globalFlagIgnoredWithoutCr4Pge_SDM_4_10_2_4() {
        cpu.writeCr4(cpu.cr4 & ~Cr.CR4_PGE);
        pt.map4k(VA, 0x30_0000, P | RW | G);
        cpu.read8(VA);
        assertTrue(cpu.mmu.tlb.entries().stream().noneMatch(e -> e.global()));
    }

    @Test
    void accessCrossingIntoAnUnmappedPageFaultsOnTheSecondPageWithoutWritingTheFirst() {
        pt.map4k(VA, 0x30_0000, P | RW);
        GuestFault f = fault(() -> cpu.write64(VA + 4092, -1L));
        assertEquals(VA + 4096, f.cr2());
        assertEquals(0, m.memory().read(0x30_0000 + 4092, 4));
    }
}
