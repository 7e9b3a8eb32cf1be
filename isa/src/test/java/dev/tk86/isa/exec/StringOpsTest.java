package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.mmu.PageTableBuilder;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** movs and stos with and without rep (SDM Vol. 2B, MOVS, STOS, REP). */
class StringOpsTest {
    static final long DATA = PagedMachine.DATA;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    @Test
    void repStosWithZeroCountDoesNothing_SDM_REP() {
        PagedMachine m = run("mov $0x1000000, %rdi", "xor %ecx, %ecx", "mov $-1, %eax", "rep stosb", "hlt");
        assertEquals(DATA, m.reg(Reg.RDI));
        assertEquals(0, m.read(DATA, 1)[0]);
    }

    @Test
    void repStosStoresRcxElementsAndAdvancesRdi_SDM_STOS() {
        PagedMachine m = run("mov $0x1000000, %rdi", "mov $3, %ecx", "mov $0x1122334455667788, %rax", "rep stosq", "hlt");
        assertEquals(DATA + 24, m.reg(Reg.RDI));
        assertEquals(0, m.reg(Reg.RCX));
        assertEquals(0x1122_3344_5566_7788L, m.cpu().read64(DATA + 16));
    }

    @Test
    void stdMakesMovsDecrement_SDM_MOVS() {
        // no std in the subset: set DF with popfq
        PagedMachine m = run("movl $0x44332211, 0x1000100", "pushq $0x402", "popfq", "mov $0x1000103, %rsi", "mov $0x1000203, %rdi",
                "mov $4, %ecx", "rep movsb", "hlt");
        assertArrayEquals(new byte[] {0x11, 0x22, 0x33, 0x44}, m.read(DATA + 0x200, 4));
        assertEquals(DATA + 0xFF, m.reg(Reg.RSI));
        assertEquals(DATA + 0x1FF, m.reg(Reg.RDI));
    }

    @Test
    void aFaultInTheMiddleOfRepLeavesTheRegistersReadyToRestart_SDM_REP() {
        PagedMachine m = PagedMachine.create();
        long page = 0x4000_0000L;
        m.map(page, PageTableBuilder.RW); // the next page is not mapped yet
        m.asm("mov $0x40000ff0, %rdi", "mov $64, %ecx", "mov $0xab, %al", "rep stosb", "hlt");
        GuestFault f = m.runToFault();
        assertEquals(Vector.PF, f.vector());
        assertEquals(page + 0x1000, f.cr2());
        assertEquals(48, m.reg(Reg.RCX), "16 bytes were stored");
        assertEquals(page + 0x1000, m.reg(Reg.RDI));
        // map the next page and restart the same instruction: it completes
        m.map(page + 0x1000, PageTableBuilder.RW);
        m.cpu().mmu.flushAll();
        m.deliverFaults();
        m.runToHlt();
        assertEquals(0, m.reg(Reg.RCX));
        assertEquals((byte) 0xab, m.read(page + 0x102F, 1)[0]);
    }

    @Test
    void aLongRepRunsInChunksThatEachCountAsAStep() {
        PagedMachine m = run("mov $0x1000000, %rdi", "mov $200000, %ecx", "xor %eax, %eax", "rep stosb", "hlt");
        assertEquals(0, m.reg(Reg.RCX));
        assertEquals(DATA + 200_000, m.reg(Reg.RDI));
        assertTrue(m.cpu().steps >= 4 + 200_000 / StringOps.CHUNK, "chunks are steps: " + m.cpu().steps);
    }

    @Test
    void addressSize32UsesAndWritesTheLowHalves_SDM_REP() {
        PagedMachine m = run("mov $0xffffffff01000000, %rdi", "mov $0xffffffff00000002, %rcx", "addr32 rep stosb", "hlt");
        assertEquals(DATA + 2, m.reg(Reg.RDI));
        assertEquals(0, m.reg(Reg.RCX));
    }
}
