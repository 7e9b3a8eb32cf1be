package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/** jmp, jcc, call, ret, int3, int n, iretq, ud2 (SDM Vol. 2; Vol. 1, Appendix B for the conditions). */
class ControlTransferTest {
    static final long CODE = PagedMachine.CODE, TOP = PagedMachine.STACK_TOP;

    static PagedMachine run(String... lines) { return PagedMachine.create().asm(lines).runToHlt(); }

    @Test
    void callPushesTheNextInstructionsAddressAndRetReturnsThere_SDM_CALL_RET() {
        PagedMachine m = run("call f", "mov $1, %ebx", "hlt", "f: mov 0(%rsp), %rax", "ret");
        assertEquals(CODE + 5, m.reg(Reg.RAX));
        assertEquals(1, m.reg(Reg.RBX));
        assertEquals(TOP, m.reg(Reg.RSP));
    }

    @Test
    void retImm16ReleasesThatManyBytesAfterPopping_SDM_RET() {
        PagedMachine m = run("pushq $0", "pushq $0", "call f", "hlt", "f: ret $16");
        assertEquals(TOP, m.reg(Reg.RSP));
    }

    @Test
    void indirectCallReadsItsTargetBeforePushing_SDM_CALL() {
        PagedMachine m = run("lea f(%rip), %rax", "push %rax", "call *(%rsp)", "hlt", "f: mov $7, %ecx", "ret");
        assertEquals(7, m.reg(Reg.RCX));
    }

    /** Each of the 16 conditions after cmp a, b, checked against the comparison it stands for. */
    @Test
    void jccTakesEachConditionAsTheSdmTableSays_SDM_Vol1_AppendixB() {
        long[][] pairs = {{1, 2}, {2, 1}, {5, 5}, {-1, 1}, {1, -1}, {0x7fffffff, -1}, {0x80000000L, 1}, {0, 0x80000000L}};
        String[] cc = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};
        for (long[] p : pairs) {
            int a = (int) p[0], b = (int) p[1];
            int r = a - b;
            boolean of = ((a ^ b) & (a ^ r)) < 0, cf = Integer.compareUnsigned(a, b) < 0, zf = r == 0, sf = r < 0;
            boolean pf = (Integer.bitCount(r & 0xFF) & 1) == 0;
            boolean[] expect = {of, cf, zf, cf || zf, sf, pf, sf != of, zf || sf != of};
            for (int c = 0; c < 16; c++) {
                PagedMachine m = run("mov $" + a + ", %eax", "cmp $" + b + ", %eax", "mov $0, %ebx", "j" + cc[c] + " 1f",
                        "mov $1, %ebx", "1: hlt");
                boolean taken = m.reg(Reg.RBX) == 0;
                assertEquals(expect[c >> 1] != ((c & 1) != 0), taken, "j" + cc[c] + " after cmp " + b + ", " + a);
            }
        }
    }

    @Test
    void conditionsAfterOtherInstructionsUseTheirFlags_SDM_Vol1_AppendixB() {
        PagedMachine m = run("mov $0x80, %al", "add $0x80, %al", "setc %bl", "seto %cl", "setz %dl", "test %eax, %eax",
                "setnz %sil", "hlt");
        assertEquals(1, m.reg(Reg.RBX) & 0xFF);
        assertEquals(1, m.reg(Reg.RCX) & 0xFF);
        assertEquals(1, m.reg(Reg.RDX) & 0xFF);
        assertEquals(0, m.reg(Reg.RSI) & 0xFF, "test of zero sets ZF");
    }

    @Test
    void jumpToANonCanonicalAddressRaisesGpOnTheJump_SDM_JMP() {
        PagedMachine m = PagedMachine.create().asm("mov $0x0000800000000000, %rax", "jmp *%rax", "hlt");
        GuestFault f = m.runToFault();
        assertEquals(Vector.GP, f.vector());
        assertEquals(0, f.errorCode());
        assertEquals(CODE + 10, m.cpu().rip, "RIP is the jmp's");
    }

    @Test
    void int3DeliversVectorThreeWithTheReturnAddressAfterIt_SDM_INT3() {
        PagedMachine m = PagedMachine.create().asm("nop", "int3", "hlt");
        m.run();
        assertEquals(3, m.haltedVector());
        assertEquals(CODE + 2, m.cpu().read64(m.reg(Reg.RSP)), "the pushed RIP follows the int3");
    }

    @Test
    void intNDeliversThroughTheIdtGate_SDM_INT() {
        PagedMachine m = PagedMachine.create().asm("int $0x80", "hlt");
        m.run();
        assertEquals(0x80, m.haltedVector());
        assertEquals(CODE + 2, m.cpu().read64(m.reg(Reg.RSP)));
        assertEquals(PagedMachine.CS, m.cpu().read64(m.reg(Reg.RSP) + 8));
    }

    @Test
    void iretqReturnsThroughAFrameItPops_SDM_IRET() {
        PagedMachine m = run("mov %rsp, %rax", "pushq $0x10", "push %rax", "pushq $0x202", "pushq $0x08", "lea 1f(%rip), %rbx",
                "push %rbx", "iretq", "hlt", "1: mov $9, %ecx", "hlt");
        assertEquals(9, m.reg(Reg.RCX));
        assertEquals(TOP, m.reg(Reg.RSP));
        assertEquals(true, m.cpu().interruptsEnabled());
    }

    @Test
    void ud2RaisesInvalidOpcode_SDM_UD() {
        assertEquals(Vector.UD, PagedMachine.create().asm("ud2").runToFault().vector());
    }
}
