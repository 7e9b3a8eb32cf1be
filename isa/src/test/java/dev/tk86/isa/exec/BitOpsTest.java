package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** bt, bts, btr, btc (SDM Vol. 2A, BT; Vol. 1, 3.7.5 bit-string addressing). */
class BitOpsTest {
    static final long DATA = PagedMachine.DATA;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    static boolean carry(PagedMachine m) { return (m.cpu().rflags() & Rflags.CF) != 0; }

    @Test
    void btWithRegisterOffsetAddressesBeyondTheOperand_SDM_BT() {
        PagedMachine m = run("mov $0x1000000, %rbx", "movb $0x02, 12(%rbx)", "mov $97, %ecx", "btl %ecx, (%rbx)", "hlt");
        // bit 97 of the string at 0x1000000: doubleword 3 (bytes 12..15), bit 1
        assertEquals(true, carry(m));
    }

    @Test
    void btsWithNegativeRegisterOffsetAddressesBelowTheOperand_SDM_BTS() {
        PagedMachine m = run("mov $0x1000010, %rbx", "mov $-1, %rcx", "btsq %rcx, (%rbx)", "hlt");
        // bit -1 is bit 63 of the quadword at -8
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) 0x80}, m.read(DATA + 8, 8));
        assertEquals(false, carry(m));
    }

    @Test
    void btWithImmediateOffsetWrapsWithinTheOperand_SDM_BT() {
        PagedMachine m = run("movl $1, 0x1000000", "btl $32, 0x1000000", "hlt");
        assertEquals(true, carry(m), "32 mod 32 = bit 0");
    }

    @Test
    void btOnARegisterTakesTheOffsetModuloTheWidth_SDM_BT() {
        PagedMachine m = run("mov $0x10, %eax", "mov $36, %ecx", "bt %ecx, %eax", "hlt");
        assertEquals(true, carry(m));
    }

    @Test
    void btsBtrBtcReportTheOldBitAndChangeIt_SDM_BTS_BTR_BTC() {
        PagedMachine m = run("xor %eax, %eax", "bts $5, %eax", "mov %eax, %ebx", "btc $5, %ebx", "mov $-1, %rdx", "btr $63, %rdx", "hlt");
        assertEquals(0x20, m.reg(Reg.RAX));
        assertEquals(0, m.reg(Reg.RBX));
        assertEquals(Long.MAX_VALUE, m.reg(Reg.RDX));
        assertEquals(true, carry(m), "btr saw bit 63 set");
    }

    @Test
    void bitTestsLeaveZeroFlagAlone_SDM_BT() {
        PagedMachine m = run("xor %eax, %eax", "mov $1, %ebx", "bt $0, %ebx", "hlt");
        assertEquals(Rflags.ZF, m.cpu().rflags() & Rflags.ZF);
    }
}
