package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** shl, shr, sar, rol, ror (SDM Vol. 2B, SAL/SAR/SHL/SHR and RCL/RCR/ROL/ROR). */
class ShiftsTest {
    static final long CF = Rflags.CF, ZF = Rflags.ZF, SF = Rflags.SF, OF = Rflags.OF, PF = Rflags.PF;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    static long flags(PagedMachine m) { return m.cpu().rflags() & Rflags.STATUS; }

    @Test
    void shiftCountIsMaskedToFiveOrSixBits_SDM_SAL_SHL() {
        PagedMachine m = run("mov $1, %eax", "mov $33, %cl", "shl %cl, %eax", "mov $1, %rbx", "shl %cl, %rbx",
                "mov $1, %rdx", "mov $65, %cl", "shl %cl, %rdx", "hlt");
        assertEquals(2, m.reg(Reg.RAX), "33 & 31 = 1");
        assertEquals(1L << 33, m.reg(Reg.RBX), "33 & 63 = 33");
        assertEquals(2, m.reg(Reg.RDX), "65 & 63 = 1");
    }

    @Test
    void shiftByZeroLeavesFlagsUnchanged_SDM_SAL_SHL() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "mov $0x80, %ebx", "mov $0, %ecx", "shl %cl, %ebx",
                "mov $32, %cl", "shr %cl, %ebx", "hlt");
        assertEquals(0x80, m.reg(Reg.RBX));
        assertEquals(CF | ZF | PF, flags(m) & (CF | ZF | PF | SF), "flags of the add");
    }

    @Test
    void shiftOfAThirtyTwoBitRegisterByZeroStillClearsTheUpperHalf() {
        PagedMachine m = run("mov $-1, %rbx", "xor %ecx, %ecx", "shl %cl, %ebx", "hlt");
        assertEquals(0xFFFF_FFFFL, m.reg(Reg.RBX));
    }

    @Test
    void shlPutsTheLastBitShiftedOutInCarryAndByOneSetsOverflow_SDM_SAL_SHL() {
        PagedMachine m = run("mov $0x40000000, %eax", "shl $1, %eax", "hlt");
        assertEquals(0x8000_0000L, m.reg(Reg.RAX));
        assertEquals(OF | SF | PF, flags(m) & (CF | OF | SF | PF), "MSB(result) XOR CF = 1");
        m = run("mov $0xc0000000, %eax", "shl $2, %eax", "hlt");
        assertEquals(0, m.reg(Reg.RAX));
        assertEquals(CF | ZF, flags(m) & (CF | ZF));
    }

    @Test
    void shrByOneSetsOverflowToTheOriginalTopBit_SDM_SHR() {
        PagedMachine m = run("mov $0x81, %al", "shr $1, %al", "hlt");
        assertEquals(0x40, m.reg(Reg.RAX) & 0xFF);
        assertEquals(CF | OF, flags(m) & (CF | OF));
    }

    @Test
    void sarKeepsTheSignAndClearsOverflow_SDM_SAR() {
        PagedMachine m = run("mov $-8, %rax", "sar $1, %rax", "mov $0x80, %bl", "sar $20, %bl", "hlt");
        assertEquals(-4L, m.reg(Reg.RAX));
        assertEquals(0xFF, m.reg(Reg.RBX) & 0xFF, "a byte shifted right arithmetically by more than 7 is all sign");
        assertEquals(CF, flags(m) & CF, "the last bit shifted out is the sign");
    }

    @Test
    void rotatesChangeOnlyCarryAndOverflow_SDM_ROL_ROR() {
        PagedMachine m = run("xor %edx, %edx", "mov $0x81, %al", "rol $1, %al", "hlt");
        assertEquals(0x03, m.reg(Reg.RAX) & 0xFF);
        assertEquals(CF | OF | ZF | PF, flags(m), "ZF and PF of the xor remain; CF = LSB = 1, OF = MSB XOR CF = 1");
        m = run("mov $1, %eax", "ror $1, %eax", "hlt");
        assertEquals(0x8000_0000L, m.reg(Reg.RAX));
        assertEquals(CF | OF, flags(m) & (CF | OF));
    }

    @Test
    void byteRotateByAMultipleOfEightLeavesTheValueButSetsCarry_SDM_ROL() {
        PagedMachine m = run("xor %ecx, %ecx", "mov $0x81, %al", "rol $8, %al", "hlt");
        assertEquals(0x81, m.reg(Reg.RAX) & 0xFF);
        assertEquals(CF, flags(m) & CF, "count & 0x1f is not 0, so CF = LSB(result)");
    }

    @Test
    void shiftOfMemoryWritesTheResult_SDM_SAL_SHL() {
        PagedMachine m = run("movq $3, 0x1000000", "shlq $4, 0x1000000", "mov 0x1000000, %rax", "hlt");
        assertEquals(0x30, m.reg(Reg.RAX));
    }
}
