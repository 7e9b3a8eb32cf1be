package dev.tk86.isa.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.testing.PagedMachine;
import org.junit.jupiter.api.Test;

/**
 * A store into code that is about to run changes what runs (SDM Vol. 3A, 8.1.3: the processor
 * detects writes to code it has fetched or decoded): the decoded-instruction cache must not
 * serve the old instruction, even in the middle of a run on the same page.
 */
class SelfModifyingCodeTest {
    @Test
    void aStoreIntoTheNextInstructionChangesWhatRuns_SDM_Vol3A_8_1_3() {
        PagedMachine m = PagedMachine.create().asm("movb $0x42, 1f+1(%rip)", "1: mov $0, %al", "hlt").runToHlt();
        assertEquals(0x42, m.reg(Reg.RAX) & 0xFF);
    }

    @Test
    void aStoreIntoALoopBodyTakesEffectOnTheNextIteration_SDM_Vol3A_8_1_3() {
        PagedMachine m = PagedMachine.create().asm(
                "xor %ebx, %ebx", "mov $2, %ecx",
                "2: add $1, %ebx",                   // becomes add $5 after the first iteration
                "movb $5, 2b+2(%rip)",
                "dec %ecx", "jnz 2b", "hlt").runToHlt();
        assertEquals(6, m.reg(Reg.RBX));
    }
}
