package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** push, pop, pushfq, popfq (SDM Vol. 2B). */
class StackTest {
    static final long TOP = PagedMachine.STACK_TOP;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    @Test
    void pushDecrementsRspByEightThenStores_SDM_PUSH() {
        PagedMachine m = run("mov $0x1122334455667788, %rax", "push %rax", "pushq $-2", "hlt");
        assertEquals(TOP - 16, m.reg(Reg.RSP));
        assertEquals(0x1122_3344_5566_7788L, m.cpu().read64(TOP - 8));
        assertEquals(-2L, m.cpu().read64(TOP - 16), "imm8 is sign-extended to 64 bits");
    }

    @Test
    void sixteenBitPushMovesRspByTwo_SDM_PUSH() {
        PagedMachine m = run("mov $0xabcd, %ax", "push %ax", "pop %bx", "hlt");
        assertEquals(TOP, m.reg(Reg.RSP));
        assertEquals(0xABCD, m.reg(Reg.RBX) & 0xFFFF);
    }

    @Test
    void pushRspPushesTheValueBeforeThePush_SDM_PUSH() {
        PagedMachine m = run("push %rsp", "pop %rax", "hlt");
        assertEquals(TOP, m.reg(Reg.RAX));
    }

    @Test
    void popRspLoadsThePoppedValue_SDM_POP() {
        PagedMachine m = run("pushq $0x7ff000", "pop %rsp", "hlt");
        assertEquals(0x7F_F000L, m.reg(Reg.RSP), "the increment is overwritten");
    }

    @Test
    void popIntoMemoryAddressedByRspUsesTheIncrementedRsp_SDM_POP() {
        PagedMachine m = run("pushq $0", "pushq $42", "popq (%rsp)", "pop %rax", "hlt");
        assertEquals(42, m.reg(Reg.RAX), "the value went to the slot above the popped one");
    }

    @Test
    void faultingPushLeavesRspUnchanged_SDM_Vol3A_6_5() {
        PagedMachine m = PagedMachine.create().asm("mov $0x1000, %rsp", "push %rax", "hlt");
        assertEquals(Vector.PF, m.runToFault().vector());
        assertEquals(0x1000, m.reg(Reg.RSP));
    }

    @Test
    void pushfqStoresRflagsAndPopfqLoadsIt_SDM_PUSHF_POPF() {
        PagedMachine m = run("mov $-1, %rax", "add $1, %rax", "pushfq", "pop %rbx",
                "pushq $0x8d5", "popfq", "pushfq", "pop %rcx", "hlt");
        assertEquals(Rflags.FIXED1 | Rflags.CF | Rflags.ZF | Rflags.PF | Rflags.AF, m.reg(Reg.RBX));
        assertEquals(0x8d5 | Rflags.FIXED1, m.reg(Reg.RCX), "all six status flags loaded, bit 1 always set");
    }

    @Test
    void popfqAtCpl0CanSetIfAndDf_SDM_POPF() {
        PagedMachine m = run("pushq $0x602", "popfq", "hlt");
        assertEquals(Rflags.IF | Rflags.DF, m.cpu().rflags() & (Rflags.IF | Rflags.DF));
    }
}
