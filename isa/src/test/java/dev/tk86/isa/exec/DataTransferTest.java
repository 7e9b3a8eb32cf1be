package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** mov, movzx/movsx/movsxd, lea, cmov, setcc, cbw..cqo, segment moves (SDM Vol. 2; Vol. 1, 3.4.1.1). */
class DataTransferTest {

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    @Test
    void thirtyTwoBitWriteZeroExtendsToSixtyFourBits_SDM_Vol1_3_4_1_1() {
        PagedMachine m = run("mov $-1, %rax", "mov $-1, %rbx", "mov $-1, %rcx", "mov $-1, %rdx",
                "mov $5, %eax", "mov %eax, %ebx", "add $1, %ecx", "movl (0x1000000), %edx", "hlt");
        assertEquals(5, m.reg(Reg.RAX));
        assertEquals(5, m.reg(Reg.RBX));
        assertEquals(0, m.reg(Reg.RCX));
        assertEquals(0, m.reg(Reg.RDX));
    }

    @Test
    void eightAndSixteenBitWritesMergeIntoTheRegister_SDM_Vol1_3_4_1_1() {
        PagedMachine m = run("mov $-1, %rax", "mov $-1, %rbx", "mov $0x12, %al", "mov $0x34, %bh", "mov $0x5678, %bx", "hlt");
        assertEquals(0xFFFF_FFFF_FFFF_FF12L, m.reg(Reg.RAX));
        assertEquals(0xFFFF_FFFF_FFFF_5678L, m.reg(Reg.RBX));
    }

    @Test
    void highByteRegistersAreByteOneOfRaxToRbxWithoutRex_SDM_Vol1_3_4_1_1() {
        PagedMachine m = run("mov $0x1122, %eax", "mov %ah, %cl", "mov $0x7788, %esi", "mov %sil, %dl", "hlt");
        assertEquals(0x11, m.reg(Reg.RCX) & 0xFF);
        assertEquals(0x88, m.reg(Reg.RDX) & 0xFF);
    }

    @Test
    void movabsLoadsASixtyFourBitImmediateAndAbsoluteAddress_SDM_MOV() {
        PagedMachine m = run("movabs $0x123456789abcdef0, %rax", "movabs %rax, 0x1000008", "mov %rax, %rbx",
                "movabs 0x1000008, %eax", "hlt");
        assertEquals(0x1234_5678_9ABC_DEF0L, m.reg(Reg.RBX));
        assertEquals(0x9ABC_DEF0L, m.reg(Reg.RAX));
    }

    @Test
    void movzxAndMovsxExtendFromTheSourceSize_SDM_MOVZX_MOVSX() {
        PagedMachine m = run("mov $0x80, %ecx", "movzbl %cl, %eax", "movsbq %cl, %rbx", "movswl %cx, %edx", "mov $0x8000, %ecx",
                "movswq %cx, %rsi", "hlt");
        assertEquals(0x80, m.reg(Reg.RAX));
        assertEquals(-128L, m.reg(Reg.RBX));
        assertEquals(0x80, m.reg(Reg.RDX));
        assertEquals(-32768L, m.reg(Reg.RSI));
    }

    @Test
    void movsxdSignExtendsWithRexWAndIsAPlainMoveWithout_SDM_MOVSXD() {
        PagedMachine m = PagedMachine.create().load(new byte[] {
                (byte) 0xB9, 0, 0, 0, (byte) 0x80,      // mov $0x80000000, %ecx
                0x48, 0x63, (byte) 0xC1,               // movslq %ecx, %rax
                0x48, (byte) 0xC7, (byte) 0xC3, -1, -1, -1, -1, // mov $-1, %rbx
                0x63, (byte) 0xD9,                     // movsxd %ecx, %ebx (no REX.W)
                (byte) 0xF4}).runToHlt();
        assertEquals(0xFFFF_FFFF_8000_0000L, m.reg(Reg.RAX));
        assertEquals(0x8000_0000L, m.reg(Reg.RBX), "a 32-bit move: zero-extended");
    }

    @Test
    void leaComputesTheAddressWithoutTheSegmentBaseOrAnAccess_SDM_LEA() {
        PagedMachine m = PagedMachine.create().asm("mov $0x10, %rbx", "mov $3, %rcx", "lea %gs:8(%rbx,%rcx,4), %rax",
                "lea -1(%rbx), %edx", "hlt");
        m.cpu().gsBase = 0x1000;
        m.runToHlt();
        assertEquals(0x24, m.reg(Reg.RAX));
        assertEquals(0xF, m.reg(Reg.RDX));
    }

    @Test
    void ripRelativeAddressesCountFromTheNextInstruction_SDM_Vol2A_2_2_1_6() {
        PagedMachine m = run("lea 0(%rip), %rax", "lea here(%rip), %rbx", "here: mov v(%rip), %rcx", "hlt", "v: .quad 0x42");
        assertEquals(PagedMachine.CODE + 7, m.reg(Reg.RAX));
        assertEquals(PagedMachine.CODE + 14, m.reg(Reg.RBX));
        assertEquals(0x42, m.reg(Reg.RCX));
    }

    @Test
    void addressSizePrefixTruncatesTheEffectiveAddress_SDM_Vol2A_2_2_1_3() {
        PagedMachine m = run("mov $0xffffffff01000000, %rbx", "movl $7, 0x1000000", "mov (%ebx), %eax", "hlt");
        assertEquals(7, m.reg(Reg.RAX));
    }

    @Test
    void gsOverrideAddsTheGsBase_SDM_Vol1_3_4_2_1() {
        PagedMachine m = PagedMachine.create().asm("movq $9, 0x1000010", "mov %gs:0x10, %rax", "hlt");
        m.cpu().gsBase = PagedMachine.DATA;
        m.runToHlt();
        assertEquals(9, m.reg(Reg.RAX));
    }

    @Test
    void cmovWithAFalseConditionStillZeroExtendsAThirtyTwoBitDestination_SDM_CMOVcc() {
        PagedMachine m = run("mov $-1, %rax", "mov $5, %ecx", "cmp %ecx, %ecx", "cmovne %ecx, %eax", "mov $-1, %rbx",
                "cmove %ecx, %ebx", "hlt");
        assertEquals(0xFFFF_FFFFL, m.reg(Reg.RAX));
        assertEquals(5, m.reg(Reg.RBX));
    }

    @Test
    void cmovReadsItsMemorySourceWhateverTheCondition_SDM_CMOVcc() {
        PagedMachine m = PagedMachine.create().asm("xor %eax, %eax", "cmp %eax, %eax", "cmovne 0x100, %eax", "hlt");
        assertEquals(Vector.PF, m.runToFault().vector());
    }

    @Test
    void setccWritesOneOrZeroIntoAByte_SDM_SETcc() {
        PagedMachine m = run("mov $-1, %rax", "mov $-1, %rbx", "cmp $1, %eax", "setl %al", "setg %bl", "hlt");
        assertEquals(0xFFFF_FFFF_FFFF_FF01L, m.reg(Reg.RAX));
        assertEquals(0xFFFF_FFFF_FFFF_FF00L, m.reg(Reg.RBX));
    }

    @Test
    void cbwCwdeCdqeAndCwdCdqCqoSignExtendTheAccumulator_SDM_CBW_CWD() {
        PagedMachine m = run("mov $0x80, %eax", "cbw", "mov %rax, %rbx", "mov $0x80000000, %eax", "cdqe", "mov %rax, %rcx",
                "cqo", "hlt");
        assertEquals(0xFF80, m.reg(Reg.RBX));
        assertEquals(0xFFFF_FFFF_8000_0000L, m.reg(Reg.RCX));
        assertEquals(-1L, m.reg(Reg.RDX));
    }

    @Test
    void movToAndFromSegmentRegistersIsSelectorOnly_SDM_MOV_Sreg() {
        PagedMachine m = PagedMachine.create().asm("mov $0x2b, %eax", "mov %eax, %fs", "mov $-1, %rbx", "mov %fs, %ebx", "mov %ds, %cx", "hlt");
        m.cpu().fsBase = 0x1234;
        m.runToHlt();
        assertEquals(0x2B, m.cpu().fs);
        assertEquals(0x2B, m.reg(Reg.RBX), "zero-extended into a 32-bit register");
        assertEquals(0x1234, m.cpu().fsBase, "no descriptor is loaded");
    }

    @Test
    void movToSsBlocksInterruptsForOneInstruction_SDM_Vol3A_6_8_3() {
        // the step-counted APIC timer fires right after the mov to %ss (step 15); the mov after it still runs first
        PagedMachine m = PagedMachine.create().asm(
                "mov $0x832, %ecx", "mov $0x40, %eax", "xor %edx, %edx", "wrmsr",   // steps 1-4: LVT timer, vector 0x40
                "mov $0x83e, %ecx", "mov $0xb, %eax", "wrmsr",                      // 5-7: divide by 1
                "pushq $0x202", "popfq", "mov %ss, %esi",                          // 8-10: IF = 1
                "mov $0x838, %ecx", "mov $2, %eax", "wrmsr",                        // 11-13: fires at step 15
                "nop", "mov %esi, %ss", "mov $1, %ebx", "nop", "hlt");              // 14, 15, 16, ...
        m.run();
        assertEquals(0x40, m.haltedVector());
        assertEquals(1, m.reg(Reg.RBX), "the instruction after mov to %ss ran before the interrupt");
    }
}
