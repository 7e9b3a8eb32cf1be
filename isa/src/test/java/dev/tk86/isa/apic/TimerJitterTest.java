package dev.tk86.isa.apic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Msr;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.Schedule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timer jitter of the PCT schedule: periods vary by up to a quarter, as a function of the seed. */
class TimerJitterTest {
    private static List<Long> periods(Cpu c, int n) {
        c.apic.write(Msr.X2APIC_TIMER_DIVIDE, 0xB);                 // divide by 1
        c.apic.write(Msr.X2APIC_LVT_TIMER, (1L << 17) | 0x40);      // periodic, vector 0x40
        c.apic.write(Msr.X2APIC_TIMER_INITIAL, 1000);
        List<Long> p = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long start = c.steps;
            c.steps = c.apic.deadline();
            p.add(c.steps - start);
            c.apic.tick();
        }
        return p;
    }

    @Test
    void withoutJitterEveryPeriodIsTheProgrammedOne() {
        Cpu c = new Machine(MachineConfig.defaults().withCpus(1)).cpu(0);
        for (long p : periods(c, 50)) assertEquals(1000, p);
    }

    @Test
    void withJitterPeriodsStayWithinAQuarterAndVary() {
        Cpu c = new Machine(MachineConfig.defaults().withCpus(1)).cpu(0);
        c.apic.setJitter(new SplittableRandom(5));
        List<Long> p = periods(c, 200);
        for (long x : p) assertTrue(x >= 750 && x <= 1250, "period " + x);
        assertTrue(new HashSet<>(p).size() > 50, "periods vary: " + new HashSet<>(p).size() + " distinct");
    }

    @Test
    void thePctMachineJittersItsTimersAsAFunctionOfTheSeed() {
        List<Long> a = periods(new Machine(MachineConfig.defaults().withSchedule(Schedule.PCT, 3)).cpu(1), 30);
        List<Long> b = periods(new Machine(MachineConfig.defaults().withSchedule(Schedule.PCT, 3)).cpu(1), 30);
        List<Long> c = periods(new Machine(MachineConfig.defaults().withSchedule(Schedule.PCT, 4)).cpu(1), 30);
        assertEquals(a, b);
        assertTrue(!a.equals(c), "another seed, other periods");
    }

    @Test
    void theCurrentCountNeverExceedsTheInitialCount_SDM_11_5_4() {
        Cpu c = new Machine(MachineConfig.defaults().withCpus(1)).cpu(0);
        c.apic.setJitter(new SplittableRandom(1));
        c.apic.write(Msr.X2APIC_TIMER_DIVIDE, 0xB);
        for (int i = 0; i < 100; i++) {
            c.apic.write(Msr.X2APIC_TIMER_INITIAL, 1000);
            assertTrue(c.apic.read(Msr.X2APIC_TIMER_CURRENT) <= 1000);
        }
    }
}
