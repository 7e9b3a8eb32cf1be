package dev.tk86.isa.apic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local APIC in x2APIC mode (SDM Vol. 3A, chapter 11, 11.12). */
class LocalApicRulesTest {
    Machine m;
    Cpu c0, c1, c2;

    @BeforeEach
    void setUp() {
        m = new Machine(MachineConfig.defaults().withCpus(3));
        c0 = m.cpu(0);
        c1 = m.cpu(1);
        c2 = m.cpu(2);
        c1.state = Cpu.State.RUNNING;
        c2.state = Cpu.State.RUNNING;
    }

    static long icr(int vector, int mode, int shorthand, long dest) {
        return vector | ((long) mode << 8) | ((long) shorthand << 18) | (dest << 32);
    }

    @Test
    void fixedIpiToOneCpuBecomesPendingThereOnly_SDM_11_6_1() {
        c0.apic.write(Msr.X2APIC_ICR, icr(0x50, 0, 0, 2));
        assertEquals(-1, c1.apic.deliverable());
        assertEquals(0x50, c2.apic.deliverable());
        assertEquals(-1, c0.apic.deliverable());
    }

    @Test
    void allExcludingSelfShorthandReachesEveryOtherCpu_SDM_11_6_1() {
        c1.apic.write(Msr.X2APIC_ICR, icr(0x51, 0, 3, 0));
        assertEquals(0x51, c0.apic.deliverable());
        assertEquals(-1, c1.apic.deliverable());
        assertEquals(0x51, c2.apic.deliverable());
    }

    @Test
    void selfIpiRegisterRequestsOnTheSameCpu_SDM_11_12_11() {
        c0.apic.write(Msr.X2APIC_SELF_IPI, 0x60);
        assertEquals(0x60, c0.apic.deliverable());
    }

    @Test
    void requestOfTheSameOrLowerPriorityClassWaitsForEoi_SDM_11_8_3_1() {
        c0.apic.request(0x55);
        c0.apic.accept(0x55);
        c0.apic.request(0x52);                 // same class 5
        assertEquals(-1, c0.apic.deliverable());
        c0.apic.request(0x61);                 // higher class preempts
        assertEquals(0x61, c0.apic.deliverable());
        c0.apic.accept(0x61);
        c0.apic.write(Msr.X2APIC_EOI, 0);      // ends 0x61
        assertEquals(-1, c0.apic.deliverable());
        c0.apic.write(Msr.X2APIC_EOI, 0);      // ends 0x55
        assertEquals(0x52, c0.apic.deliverable());
    }

    @Test
    void eoiWithNonZeroValueRaisesGp_SDM_11_12_1_2() {
        assertThrows(GuestFault.class, () -> c0.apic.write(Msr.X2APIC_EOI, 1));
    }

    @Test
    void oneShotTimerFiresOnceAfterInitialCountTimesDivisorSteps_SDM_11_5_4() {
        c0.apic.write(Msr.X2APIC_TIMER_DIVIDE, 0b1011);      // divide by 1
        c0.apic.write(Msr.X2APIC_LVT_TIMER, 0x40);           // one-shot, unmasked
        c0.steps = 1000;
        c0.apic.write(Msr.X2APIC_TIMER_INITIAL, 100);
        c0.steps = 1099;
        c0.apic.tick();
        assertEquals(-1, c0.apic.deliverable());
        assertEquals(1, c0.apic.read(Msr.X2APIC_TIMER_CURRENT));
        c0.steps = 1100;
        c0.apic.tick();
        assertEquals(0x40, c0.apic.deliverable());
        c0.apic.accept(0x40);
        c0.apic.write(Msr.X2APIC_EOI, 0);
        c0.steps = 5000;
        c0.apic.tick();
        assertEquals(-1, c0.apic.deliverable(), "one-shot: no second interrupt");
    }

    @Test
    void periodicTimerReloadsAndDividerScalesTheCount_SDM_11_5_4() {
        c0.apic.write(Msr.X2APIC_TIMER_DIVIDE, 0b0001);        // divide by 4
        c0.apic.write(Msr.X2APIC_LVT_TIMER, 0x41 | (1 << 17)); // periodic
        c0.apic.write(Msr.X2APIC_TIMER_INITIAL, 10);           // 40 steps per period
        for (int period = 1; period <= 3; period++) {
            c0.steps = 40L * period;
            c0.apic.tick();
            assertEquals(period, c0.apic.timerFires);
        }
    }

    @Test
    void maskedTimerCountsButRequestsNothing_SDM_11_5_1() {
        c0.apic.write(Msr.X2APIC_TIMER_DIVIDE, 0b1011);
        c0.apic.write(Msr.X2APIC_LVT_TIMER, 0x42 | (1 << 16));
        c0.apic.write(Msr.X2APIC_TIMER_INITIAL, 5);
        c0.steps = 10;
        c0.apic.tick();
        assertEquals(1, c0.apic.timerFires);
        assertEquals(-1, c0.apic.deliverable());
    }

    @Test
    void startupIpiStartsAParkedCpuAtTheVectorPageWithTheSendersPaging_SDM_8_4_4_1() {
        Machine fresh = new Machine(MachineConfig.defaults().withCpus(2));
        Cpu bsp = fresh.cpu(0), ap = fresh.cpu(1);
        assertEquals(Cpu.State.PARKED, ap.state);
        bsp.cr3 = 0x5000;
        bsp.apic.write(Msr.X2APIC_ICR, icr(0x08, 6, 0, 1));
        assertEquals(Cpu.State.RUNNING, ap.state);
        assertEquals(0x8000, ap.rip);
        assertEquals(0x5000, ap.cr3);
        assertEquals(1, ap.r[7], "rdi holds the APIC id");
    }

    @Test
    void apicIdRegisterReadsTheCpuNumber_SDM_11_12_5_1() {
        assertEquals(2, c2.apic.read(Msr.X2APIC_ID));
    }
}
