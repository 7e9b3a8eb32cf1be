package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** xchg, cmpxchg, xadd and the lock prefix (SDM Vol. 2A/2B; LOCK). */
class AtomicsTest {
    static final long DATA = PagedMachine.DATA;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    @Test
    void cmpxchgThatMatchesStoresTheSourceAndSetsZf_SDM_CMPXCHG() {
        PagedMachine m = run("movq $5, 0x1000000", "mov $5, %eax", "mov $9, %ecx", "lock cmpxchg %rcx, 0x1000000", "hlt");
        assertEquals(9, m.cpu().read64(DATA));
        assertEquals(Rflags.ZF, m.cpu().rflags() & Rflags.ZF);
    }

    @Test
    void cmpxchgThatFailsLoadsTheAccumulator_SDM_CMPXCHG() {
        PagedMachine m = run("movq $5, 0x1000000", "mov $4, %eax", "mov $9, %ecx", "lock cmpxchg %rcx, 0x1000000", "hlt");
        assertEquals(5, m.cpu().read64(DATA));
        assertEquals(5, m.reg(Reg.RAX));
        assertEquals(0, m.cpu().rflags() & Rflags.ZF);
    }

    @Test
    void xaddExchangesThenAdds_SDM_XADD() {
        PagedMachine m = run("movl $10, 0x1000000", "mov $3, %ebx", "lock xadd %ebx, 0x1000000", "hlt");
        assertEquals(13, m.cpu().read32(DATA));
        assertEquals(10, m.reg(Reg.RBX));
    }

    @Test
    void xchgOfTwoRegistersSwapsThem_SDM_XCHG() {
        PagedMachine m = run("mov $1, %eax", "mov $2, %r9d", "xchg %rax, %r9", "hlt");
        assertEquals(2, m.reg(Reg.RAX));
        assertEquals(1, m.reg(Reg.R9));
    }

    @Test
    void lockPrefixOnARegisterDestinationRaisesUd_SDM_LOCK() {
        PagedMachine m = PagedMachine.create().load(new byte[] {(byte) 0xF0, 0x01, (byte) 0xC8}); // lock add %ecx, %eax
        assertEquals(Vector.UD, m.runToFault().vector());
    }

    @Test
    void lockPrefixOnANonReadModifyWriteInstructionRaisesUd_SDM_LOCK() {
        PagedMachine m = PagedMachine.create().load(new byte[] {(byte) 0xF0, (byte) 0x89, 0x03}); // lock mov %eax, (%rbx)
        assertEquals(Vector.UD, m.runToFault().vector());
    }
}
