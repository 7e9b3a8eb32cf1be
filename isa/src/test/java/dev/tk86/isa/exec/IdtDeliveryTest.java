package dev.tk86.isa.exec;

import static dev.tk86.isa.mmu.PageTableBuilder.P;
import static dev.tk86.isa.mmu.PageTableBuilder.RW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.mmu.PageTableBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Exception and interrupt delivery in IA-32e mode (SDM Vol. 3A, 6.12 to 6.15). */
class IdtDeliveryTest {
    static final long IDT = 0xFFFF_8000_0000_0000L, STACK_TOP = 0xFFFF_8000_0001_0000L;
    static final long HANDLER = 0xFFFF_FFFF_8000_1000L;
    static final int INTERRUPT_GATE = 0xE, TRAP_GATE = 0xF;
    Machine m;
    Cpu cpu;
    PageTableBuilder pt;

    @BeforeEach
    void setUp() {
        m = new Machine(MachineConfig.defaults().withCpus(1).withMemory(16L << 20));
        cpu = m.cpu(0);
        pt = new PageTableBuilder(m.memory(), 0x10_0000);
        pt.map4k(IDT, 0x20_0000, P | RW);
        for (int i = 1; i <= 4; i++) pt.map4k(STACK_TOP - i * 4096L, 0x20_0000 + i * 4096L, P | RW);
        pt.activate(cpu);
        cpu.idtBase = IDT;
        cpu.idtLimit = 256 * 16 - 1;
        cpu.r[Reg.RSP] = STACK_TOP - 0x108; // deliberately not 16-byte aligned
        cpu.rip = 0xFFFF_FFFF_8000_0500L;
        cpu.cs = 0x08;
        cpu.ss = 0x10;
        cpu.setRflags(Rflags.FIXED1 | Rflags.IF | Rflags.CF);
    }

    void gate(int vector, long target, int type, int dpl, boolean present) {
        long lo = (target & 0xFFFF) | (0x08L << 16) | ((long) type << 40) | ((long) dpl << 45)
                | ((present ? 1L : 0L) << 47) | ((target & 0xFFFF_0000L) << 32);
        cpu.write64(IDT + vector * 16L, lo);
        cpu.write64(IDT + vector * 16L + 8, target >>> 32);
    }

    @Test
    void interruptGatePushesSsRspRflagsCsRipAlignsTheStackAndClearsIf_SDM_6_14_2() {
        gate(0x40, HANDLER, INTERRUPT_GATE, 0, true);
        long oldRsp = cpu.r[Reg.RSP], oldRip = cpu.rip, oldFlags = cpu.rflags();
        Interrupts.deliver(cpu, 0x40, false, 0, Interrupts.Source.EXTERNAL);
        long sp = cpu.r[Reg.RSP];
        assertEquals((oldRsp & ~0xFL) - 40, sp, "frame of 5 quadwords below the 16-byte aligned old RSP");
        assertEquals(oldRip, cpu.read64(sp));
        assertEquals(0x08, cpu.read64(sp + 8));
        assertEquals(oldFlags, cpu.read64(sp + 16));
        assertEquals(oldRsp, cpu.read64(sp + 24));
        assertEquals(0x10, cpu.read64(sp + 32));
        assertEquals(HANDLER, cpu.rip);
        assertEquals(0, cpu.rflags() & Rflags.IF);
        assertTrue((cpu.rflags() & Rflags.CF) != 0, "status flags are untouched");
    }

    @Test
    void trapGateLeavesIfAsItWas_SDM_6_12_1_3() {
        gate(0x41, HANDLER, TRAP_GATE, 0, true);
        Interrupts.deliver(cpu, 0x41, false, 0, Interrupts.Source.SOFTWARE);
        assertTrue(cpu.interruptsEnabled());
    }

    @Test
    void pageFaultPushesErrorCodeAndLoadsCr2_SDM_6_15_Interrupt14() {
        gate(Vector.PF, HANDLER, INTERRUPT_GATE, 0, true);
        Interrupts.deliverFault(cpu, GuestFault.pageFault(0x1234_5000L, 0b110, "test"));
        assertEquals(0b110, cpu.read64(cpu.r[Reg.RSP]));
        assertEquals(0x1234_5000L, cpu.cr2);
        assertEquals(HANDLER, cpu.rip);
    }

    @Test
    void iretqPopsRipCsRflagsRspSsAndRestoresIf_SDM_Vol2A_IRET() {
        gate(0x40, HANDLER, INTERRUPT_GATE, 0, true);
        long oldRsp = cpu.r[Reg.RSP], oldRip = cpu.rip;
        Interrupts.deliver(cpu, 0x40, false, 0, Interrupts.Source.EXTERNAL);
        Interrupts.iretq(cpu);
        assertEquals(oldRip, cpu.rip);
        assertEquals(oldRsp, cpu.r[Reg.RSP]);
        assertTrue(cpu.interruptsEnabled());
        assertTrue((cpu.rflags() & Rflags.CF) != 0);
    }

    @Test
    void notPresentGateAfterAContributoryFaultBecomesDoubleFaultWithErrorCodeZero_SDM_6_15_Table_6_5() {
        gate(Vector.GP, HANDLER, INTERRUPT_GATE, 0, false);       // #GP -> #NP: contributory twice
        gate(Vector.DF, HANDLER + 0x100, INTERRUPT_GATE, 0, true);
        Interrupts.deliverFault(cpu, GuestFault.gp("test"));
        assertEquals(HANDLER + 0x100, cpu.rip);
        assertEquals(0, cpu.read64(cpu.r[Reg.RSP]), "#DF pushes an error code of zero");
        assertEquals(1, cpu.doubleFaults);
    }

    @Test
    void pageFaultWhileDeliveringAPageFaultIsADoubleFault_SDM_6_15_Table_6_5() {
        gate(Vector.PF, HANDLER, INTERRUPT_GATE, 0, true);
        gate(Vector.DF, HANDLER + 0x100, INTERRUPT_GATE, 0, true);
        cpu.r[Reg.RSP] = 0x7000_0000L; // unmapped stack: pushing the #PF frame faults
        Interrupts.deliverFault(cpu, GuestFault.pageFault(0x1000, 0, "first"));
        // the #DF frame cannot be pushed either: that is a triple fault
        assertEquals(Cpu.State.SHUTDOWN, cpu.state);
        assertTrue(cpu.shutdownReason.contains("#DF"), cpu.shutdownReason);
        assertTrue(m.isStopped());
    }

    @Test
    void benignExceptionWhoseDeliveryFaultsIsHandledSerially_SDM_6_15_Table_6_5() {
        gate(Vector.BP, HANDLER, INTERRUPT_GATE, 0, false);  // #BP (benign) -> #NP
        gate(Vector.NP, HANDLER + 0x200, INTERRUPT_GATE, 0, true);
        Interrupts.deliverFault(cpu, GuestFault.of(Vector.BP, "int3"));
        assertEquals(HANDLER + 0x200, cpu.rip);
        assertEquals(Vector.BP * 8 + 2, cpu.read64(cpu.r[Reg.RSP]), "error code names the IDT entry");
        assertEquals(0, cpu.doubleFaults);
    }

    @Test
    void vectorBeyondTheIdtLimitRaisesGpWithTheIdtBitSet_SDM_6_13() {
        cpu.idtLimit = 16 * 0x20 - 1;
        gate(Vector.GP, HANDLER, INTERRUPT_GATE, 0, true);
        Interrupts.deliverFault(cpu, GuestFault.of(0x30, "beyond"));
        assertEquals(HANDLER, cpu.rip);
        assertEquals(0x30 * 8 + 2, cpu.read64(cpu.r[Reg.RSP]));
    }

    @Test
    void softwareInterruptThroughAGateWithLowerDplRaisesGpNamingTheEntry_SDM_6_12_1_1() {
        gate(0x80, HANDLER, INTERRUPT_GATE, 0, true);
        cpu.setCpl(3); // the IDT read is a supervisor access even so (SDM 4.6)
        GuestFault f = org.junit.jupiter.api.Assertions.assertThrows(GuestFault.class,
                () -> Interrupts.deliver(cpu, 0x80, false, 0, Interrupts.Source.SOFTWARE));
        assertEquals(Vector.GP, f.vector());
        assertEquals(0x80 * 8 + 2, f.errorCode());
    }
}
