package dev.tk86.isa.tlb;

import static dev.tk86.isa.mmu.PageTableBuilder.G;
import static dev.tk86.isa.mmu.PageTableBuilder.P;
import static dev.tk86.isa.mmu.PageTableBuilder.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Cr;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mmu.PageTableBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TLB keeps translations until software invalidates them (SDM Vol. 3A, 4.10.2 and
 * 4.10.4): tk86's default TLB never evicts, so each case below is a stale translation that
 * only the named operation cures.
 */
class TlbRulesTest {
    static final long VA = 0x0000_0000_4020_0000L;
    static final long OLD = 0x30_0000, NEW = 0x31_0000;
    Machine m;
    Cpu cpu0, cpu1;
    PageTableBuilder pt;

    @BeforeEach
    void setUp() {
        m = new Machine(MachineConfig.defaults().withCpus(2).withMemory(16L << 20));
        cpu0 = m.cpu(0);
        cpu1 = m.cpu(1);
        pt = new PageTableBuilder(m.memory(), 0x10_0000);
        pt.activate(cpu0);
        pt.activate(cpu1);
        m.memory().write(OLD, 8, 0xAAAA);
        m.memory().write(NEW, 8, 0xBBBB);
        pt.map4k(VA, OLD, P | RW);
    }

    @Test
    void changedPteIsNotSeenUntilInvlpg_SDM_4_10_4_2() {
        assertEquals(0xAAAA, cpu0.read64(VA));
        pt.map4k(VA, NEW, P | RW);
        assertEquals(0xAAAA, cpu0.read64(VA), "stale translation still in use");
        cpu0.mmu.invlpg(VA);
        assertEquals(0xBBBB, cpu0.read64(VA));
    }

    @Test
    void unmappedPageStaysAccessibleThroughTheTlbUntilInvalidated_SDM_4_10_4_2() {
        cpu0.read64(VA);
        pt.setEntry(VA, 1, 0);
        assertEquals(0xAAAA, cpu0.read64(VA));
        cpu0.writeCr3(cpu0.cr3);
        assertThrows(GuestFault.class, () -> cpu0.read64(VA));
    }

    @Test
    void movToCr3RemovesNonGlobalTranslations_SDM_4_10_4_1() {
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW);
        cpu0.writeCr3(cpu0.cr3);
        assertEquals(0xBBBB, cpu0.read64(VA));
    }

    @Test
    void globalTranslationSurvivesMovToCr3_SDM_4_10_4_1() {
        pt.map4k(VA, OLD, P | RW | G);
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW | G);
        cpu0.writeCr3(cpu0.cr3);
        assertEquals(0xAAAA, cpu0.read64(VA));
    }

    @Test
    void togglingCr4PgeRemovesGlobalTranslations_SDM_4_10_4_1() {
        pt.map4k(VA, OLD, P | RW | G);
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW | G);
        cpu0.writeCr4(cpu0.cr4 & ~Cr.CR4_PGE);
        cpu0.writeCr4(cpu0.cr4 | Cr.CR4_PGE);
        assertEquals(0xBBBB, cpu0.read64(VA));
    }

    @Test
    void invlpgRemovesGlobalTranslationToo_SDM_Vol2A_INVLPG() {
        pt.map4k(VA, OLD, P | RW | G);
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW | G);
        cpu0.mmu.invlpg(VA);
        assertEquals(0xBBBB, cpu0.read64(VA));
    }

    @Test
    void invlpgOfAnyAddressInALargePageRemovesTheWholeLargeTranslation_SDM_4_10_4_1() {
        long big = 0x0000_0000_8000_0000L;
        pt.map2m(big, 0x40_0000, P | RW);
        m.memory().write(0x40_0000 + 0x1000, 8, 1);
        m.memory().write(0x60_0000 + 0x1000, 8, 2);
        assertEquals(1, cpu0.read64(big + 0x1000));
        pt.map2m(big, 0x60_0000, P | RW);
        cpu0.mmu.invlpg(big + 0x1F_0000); // another 4 KiB page of the same 2 MiB page
        assertEquals(2, cpu0.read64(big + 0x1000));
    }

    @Test
    void eachCpuHasItsOwnTlbSoAnInvlpgOnOneLeavesTheOtherStale_SDM_4_10_5() {
        cpu0.read64(VA);
        cpu1.read64(VA);
        pt.map4k(VA, NEW, P | RW);
        cpu0.mmu.invlpg(VA); // no shootdown IPI to cpu1
        assertEquals(0xBBBB, cpu0.read64(VA));
        assertEquals(0xAAAA, cpu1.read64(VA), "cpu1 still uses its stale translation");
    }

    @Test
    void aCpuThatNeverCachedTheOldTranslationSeesTheNewOne_SDM_4_10_2() {
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW);
        assertEquals(0xBBBB, cpu1.read64(VA));
    }

    @Test
    void pageFaultInvalidatesTranslationsOfTheFaultingAddress_SDM_4_10_4_1() {
        pt.map4k(VA, OLD, P);   // read-only
        cpu0.read64(VA);
        pt.map4k(VA, NEW, P | RW);
        assertThrows(GuestFault.class, () -> cpu0.write64(VA, 9)); // the cached read-only entry faults
        cpu0.write64(VA, 9);                                         // and is gone: the new PTE is used
        assertEquals(9, m.memory().read(NEW, 8));
    }

    @Test
    void stickyTlbNeverEvictsButABoundedOneEvictsOldestFirst() {
        for (int i = 0; i < 600; i++) pt.map4k(0x5000_0000L + i * 4096L, OLD, P | RW);
        for (int i = 0; i < 600; i++) cpu0.read64(0x5000_0000L + i * 4096L);
        assertEquals(0, cpu0.mmu.tlb.evictions);
        assertEquals(600, cpu0.mmu.tlb.entries().size(), "all 600 translations are still cached");

        Machine small = new Machine(MachineConfig.defaults().withCpus(1).withMemory(16L << 20).withTlbCapacity(4));
        PageTableBuilder t = new PageTableBuilder(small.memory(), 0x10_0000);
        t.activate(small.cpu(0));
        for (int i = 0; i < 6; i++) t.map4k(0x5000_0000L + i * 4096L, OLD, P | RW);
        for (int i = 0; i < 6; i++) small.cpu(0).read64(0x5000_0000L + i * 4096L);
        assertEquals(4, small.cpu(0).mmu.tlb.entries().size());
        assertEquals(0x5000_2000L, small.cpu(0).mmu.tlb.entries().get(0).va(), "the two oldest were evicted");
    }

    @Test
    void walkAfterCr3LoadSeesAPteWrittenThroughAnAliasEvenIfTheAliasWasCachedForWritingFirst_SDM_4_10_4_1() {
        long alias = 0x0000_0000_6000_5000L; // not in VA's slot of the host cache
        long ptFrame = pt.entryAddress(VA, 1) & ~0xFFFL;
        // the alias is written before any walk has read the frame as a page table
        pt.map4k(alias, ptFrame, P | RW);
        cpu0.write64(alias + 0xFF8, 0);           // a fast write tag for the frame now exists
        assertEquals(0xAAAA, cpu0.read64(VA));   // a walk reads the frame: it becomes a page-table frame
        cpu0.write64(alias + (pt.entryAddress(VA, 1) & 0xFFF), NEW | P | RW); // no flush in between
        assertEquals(0xAAAA, cpu0.read64(VA), "the TLB still holds the old translation");
        cpu0.writeCr3(cpu0.cr3);
        assertEquals(0xBBBB, cpu0.read64(VA), "the walk after the CR3 load reads the new PTE");
    }

    @Test
    void aWalkRemembersNothingAcrossADifferentAddressSpace_SDM_4_10_4_1() {
        PageTableBuilder other = new PageTableBuilder(m.memory(), 0x18_0000);
        other.map4k(VA, NEW, P | RW);
        assertEquals(0xAAAA, cpu0.read64(VA));
        long first = cpu0.cr3;
        cpu0.writeCr3(other.pml4());
        assertEquals(0xBBBB, cpu0.read64(VA));
        cpu0.writeCr3(first);
        assertEquals(0xAAAA, cpu0.read64(VA));
        assertEquals(3, cpu0.mmu.walker.walks, "every TLB miss is an architectural walk, remembered or not");
    }

    @Test
    void countersTellWalksFromTlbHits() {
        cpu0.read64(VA);             // miss: one walk
        cpu0.mmu.clearFast();        // forget the host's fast path, keep the architectural TLB
        cpu0.read64(VA);             // hit in the TLB: no walk
        assertEquals(1L, m.counters().get("page_walks"));
        assertEquals(1L, m.counters().get("tlb_hits"));
        assertEquals(1L, m.counters().get("tlb_fills"));
    }
}
