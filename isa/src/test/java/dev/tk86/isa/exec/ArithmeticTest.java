package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** add, adc, sub, sbb, cmp, inc, dec, neg, mul, imul, div, idiv (SDM Vol. 2, "Flags Affected"). */
class ArithmeticTest {
    static final long CF = Rflags.CF, PF = Rflags.PF, AF = Rflags.AF, ZF = Rflags.ZF, SF = Rflags.SF, OF = Rflags.OF;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    static long flags(PagedMachine m) { return m.cpu().rflags() & Rflags.STATUS; }

    @Test
    void addOfTheLargestPositiveSetsOverflowNotCarry_SDM_ADD() {
        PagedMachine m = run("mov $0x7fffffff, %eax", "add $1, %eax", "hlt");
        assertEquals(0x8000_0000L, m.reg(Reg.RAX));
        assertEquals(OF | SF | AF | PF, flags(m));
    }

    @Test
    void addWrappingToZeroSetsCarryAndZero_SDM_ADD() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "hlt");
        assertEquals(0, m.reg(Reg.RAX));
        assertEquals(CF | ZF | AF | PF, flags(m));
    }

    @Test
    void byteAddComputesFlagsAtEightBits_SDM_ADD() {
        PagedMachine m = run("mov $0x1ff, %eax", "add $0x81, %al", "hlt");
        assertEquals(0x180, m.reg(Reg.RAX), "only AL changes");
        assertEquals(CF | SF | AF, flags(m));
    }

    @Test
    void incPreservesCarry_SDM_INC() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "mov $-1, %rbx", "inc %rbx", "hlt");
        assertEquals(0, m.reg(Reg.RBX));
        assertEquals(CF, flags(m) & CF, "CF set by the add survives the inc");
        assertEquals(ZF, flags(m) & ZF);
    }

    @Test
    void decPreservesCarryAndSetsOverflowAtTheMinimum_SDM_DEC() {
        PagedMachine m = run("xor %eax, %eax", "mov $0x80000000, %ebx", "dec %ebx", "hlt");
        assertEquals(0x7FFF_FFFFL, m.reg(Reg.RBX));
        assertEquals(OF | AF | PF, flags(m), "CF stays clear from the xor");
    }

    @Test
    void adcAddsTheCarryAndSbbSubtractsTheBorrow_SDM_ADC_SBB() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "mov $5, %ebx", "adc $10, %ebx",
                "mov $0, %ecx", "cmp $1, %ecx", "mov $5, %edx", "sbb $2, %edx", "hlt");
        assertEquals(16, m.reg(Reg.RBX));
        assertEquals(2, m.reg(Reg.RDX), "5 - 2 - borrow(0 < 1)");
    }

    @Test
    void adcWithCarryInOfAllOnesSetsCarry_SDM_ADC() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "mov $0xff, %bl", "adc $0xff, %bl", "hlt");
        assertEquals(0xFF, m.reg(Reg.RBX) & 0xFF);
        assertEquals(CF, flags(m) & CF);
    }

    @Test
    void cmpSetsFlagsWithoutWritingTheDestination_SDM_CMP() {
        PagedMachine m = run("mov $3, %eax", "cmp $5, %eax", "hlt");
        assertEquals(3, m.reg(Reg.RAX));
        assertEquals(CF | SF | AF, flags(m), "3 - 5 = 0xfffffffe: borrow, negative, odd parity");
    }

    @Test
    void negOfZeroClearsCarryAndOfAnythingElseSetsIt_SDM_NEG() {
        PagedMachine m = run("xor %eax, %eax", "neg %eax", "hlt");
        assertEquals(ZF | PF, flags(m));
        m = run("mov $1, %eax", "neg %eax", "hlt");
        assertEquals(0xFFFF_FFFFL, m.reg(Reg.RAX));
        assertEquals(CF, flags(m) & CF);
    }

    @Test
    void mulSetsCarryAndOverflowWhenTheHighHalfIsNotZero_SDM_MUL() {
        PagedMachine m = run("mov $-1, %rax", "mov $2, %rcx", "mul %rcx", "hlt");
        assertEquals(-2L, m.reg(Reg.RAX));
        assertEquals(1, m.reg(Reg.RDX));
        assertEquals(CF | OF, flags(m) & (CF | OF));
        m = run("mov $3, %eax", "mov $4, %ecx", "mul %ecx", "hlt");
        assertEquals(12, m.reg(Reg.RAX));
        assertEquals(0, m.reg(Reg.RDX));
        assertEquals(0, flags(m) & (CF | OF));
    }

    @Test
    void byteMulWritesAx_SDM_MUL() {
        PagedMachine m = run("mov $-1, %rax", "mov $0x10, %al", "mov $0x20, %cl", "mul %cl", "hlt");
        assertEquals(0xFFFF_FFFF_FFFF_0200L, m.reg(Reg.RAX));
    }

    @Test
    void imulOfNegativesSignExtendsIntoRdx_SDM_IMUL() {
        PagedMachine m = run("mov $-3, %rax", "mov $5, %rcx", "imul %rcx", "hlt");
        assertEquals(-15L, m.reg(Reg.RAX));
        assertEquals(-1L, m.reg(Reg.RDX));
        assertEquals(0, flags(m) & (CF | OF), "the product fits 64 bits");
    }

    @Test
    void threeOperandImulTruncatesAndReportsOverflow_SDM_IMUL() {
        PagedMachine m = run("mov $0x10000, %ecx", "imul $0x10000, %ecx, %edx", "hlt");
        assertEquals(0, m.reg(Reg.RDX));
        assertEquals(CF | OF, flags(m) & (CF | OF));
    }

    @Test
    void divOfRdxRaxByRcxGivesQuotientAndRemainder_SDM_DIV() {
        PagedMachine m = run("mov $1, %rdx", "mov $5, %rax", "mov $3, %rcx", "div %rcx", "hlt");
        // (2^64 + 5) / 3 = 0x5555555555555557 remainder 0
        assertEquals(0x5555_5555_5555_5557L, m.reg(Reg.RAX));
        assertEquals(0, m.reg(Reg.RDX));
    }

    @Test
    void idivTruncatesTowardZeroAndTheRemainderTakesTheDividendsSign_SDM_IDIV() {
        PagedMachine m = run("mov $-7, %eax", "cdq", "mov $2, %ecx", "idiv %ecx", "hlt");
        assertEquals(0xFFFF_FFFDL, m.reg(Reg.RAX), "-3");
        assertEquals(0xFFFF_FFFFL, m.reg(Reg.RDX), "-1");
    }

    @Test
    void divByZeroRaisesDE_SDM_DIV() {
        PagedMachine m = PagedMachine.create().asm("mov $7, %eax", "xor %ecx, %ecx", "div %ecx", "hlt");
        GuestFault f = m.runToFault();
        assertEquals(Vector.DE, f.vector());
        assertEquals(7, m.reg(Reg.RAX), "nothing changes");
        assertEquals(PagedMachine.CODE + 7, m.cpu().rip, "RIP stays on the div");
    }

    @Test
    void idivOverflowOfMinByMinusOneRaisesDE_SDM_IDIV() {
        for (String size : new String[] {"b", "w", "l", "q"}) {
            String[] setup = switch (size) {
                case "b" -> new String[] {"mov $0xff80, %ax", "mov $-1, %cl"};
                case "w" -> new String[] {"mov $0x8000, %ax", "mov $-1, %dx", "mov $-1, %cx"};
                case "l" -> new String[] {"mov $0x80000000, %eax", "mov $-1, %edx", "mov $-1, %ecx"};
                default -> new String[] {"mov $0x8000000000000000, %rax", "mov $-1, %rdx", "mov $-1, %rcx"};
            };
            String reg = switch (size) { case "b" -> "%cl"; case "w" -> "%cx"; case "l" -> "%ecx"; default -> "%rcx"; };
            String[] prog = new String[setup.length + 2];
            System.arraycopy(setup, 0, prog, 0, setup.length);
            prog[setup.length] = "idiv" + size + " " + reg;
            prog[setup.length + 1] = "hlt";
            assertEquals(Vector.DE, PagedMachine.create().asm(prog).runToFault().vector(), "idiv" + size);
        }
    }

    @Test
    void divWhoseQuotientDoesNotFitRaisesDE_SDM_DIV() {
        GuestFault f = PagedMachine.create().asm("mov $2, %rdx", "xor %eax, %eax", "mov $2, %rcx", "div %rcx", "hlt").runToFault();
        assertEquals(Vector.DE, f.vector());
    }

    @Test
    void faultingMemoryDestinationLeavesFlagsUnchanged_SDM_Vol3A_6_5() {
        PagedMachine m = PagedMachine.create();
        m.map(0x4000_0000L, 0); // present, read-only
        m.cpu().cr0 |= dev.tk86.isa.cpu.Cr.CR0_WP;
        m.asm("mov $0x40000000, %rbx", "xor %eax, %eax", "addl $1, (%rbx)", "hlt");
        GuestFault f = m.runToFault();
        assertEquals(Vector.PF, f.vector());
        assertEquals(ZF | PF, flags(m), "the flags of the xor, not of the add");
    }
}
