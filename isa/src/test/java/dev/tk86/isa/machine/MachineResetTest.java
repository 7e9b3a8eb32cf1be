package dev.tk86.isa.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.testing.PagedMachine;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link Cpu#reset} and {@link Machine#reset} (issue 7): power-on state has one definition, in
 * the machine itself, so whoever reuses a machine (the snippet runner's batches) cannot forget
 * a field; and every counter is its component's own and goes back to zero with it.
 */
class MachineResetTest {
    /** Runs a program that changes a lot: MSRs, the APIC timer, a fault through the IDT, a halt. */
    static PagedMachine used(CpuVendor v) {
        PagedMachine m = PagedMachine.create(MachineConfig.defaults().withCpus(2).withVendor(v).withSchedule(Schedule.RANDOM, 5));
        m.asm("mov $0x10, %ecx", "mov $0x1234, %eax", "mov $7, %edx", "wrmsr",          // TSC
                "mov $0xc0000102, %ecx", "mov $0x55, %eax", "xor %edx, %edx", "wrmsr",   // KERNEL_GS_BASE
                "swapgs",
                "mov $0x832, %ecx", "mov $0x20040, %eax", "wrmsr",                          // LVT timer: periodic, vector 0x40
                "mov $0x838, %ecx", "mov $3, %eax", "wrmsr",                                // initial count
                "mov $0x1000, %rax", "mov (%rax), %rbx",                                     // #PF: delivered through the IDT
                "hlt");
        m.run(10_000);
        return m;
    }

    /** Every instance field of a CPU that reset must restore, compared with a new CPU's. */
    static void assertSameState(Cpu expected, Cpu actual) throws IllegalAccessException {
        for (Field f : Cpu.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) || Modifier.isFinal(f.getModifiers()) && !f.getType().isArray()) continue;
            f.setAccessible(true);
            Object a = f.get(expected), b = f.get(actual);
            boolean same = a instanceof long[] la ? Arrays.equals(la, (long[]) b) : Objects.equals(a, b);
            assertTrue(same, "cpu" + actual.id + "." + f.getName() + ": after reset " + b + ", power-on " + a);
        }
    }

    @Test
    void aResetCpuEqualsANewOneInEveryField() throws IllegalAccessException {
        for (CpuVendor v : CpuVendor.values()) {
            PagedMachine m = used(v);
            assertTrue(m.cpu().interruptsDelivered > 0 && m.cpu().tscOffset != 0, "the program changed the CPU");
            m.machine().reset();
            Machine fresh = new Machine(m.machine().config());
            for (int i = 0; i < 2; i++) assertSameState(fresh.cpu(i), m.machine().cpu(i));
            assertEquals(Cpu.State.PARKED, m.machine().cpu(1).state, "application processors wait for a STARTUP IPI again");
            assertEquals(fresh.cpu(0).apic.deadline(), m.machine().cpu(0).apic.deadline(), "the APIC timer is stopped");
        }
    }

    @Test
    void aResetMachineReportsEveryCounterAtZeroAndNoStop() {
        PagedMachine m = used(CpuVendor.INTEL);
        Map<String, Long> before = m.machine().counters();
        assertTrue(before.get("steps") > 0 && before.get("interrupts_delivered") > 0 && before.get("page_walks") > 0, before.toString());
        m.machine().reset();
        Map<String, Long> after = m.machine().counters();
        assertEquals(before.keySet(), after.keySet(), "the same counters, each reported by its component");
        after.forEach((k, v) -> assertEquals(0L, v, k));
        assertFalse(m.machine().isStopped());
        assertEquals("", m.machine().console().text());
    }

    @Test
    void aResetMachineRunsAsANewOneWouldFromTheSameMemory() {
        PagedMachine a = PagedMachine.create().asm("mov $5, %ecx", "1: dec %ecx", "jnz 1b", "rdtsc", "hlt");
        a.run();
        long firstTsc = a.reg(Reg.RAX);
        Map<String, Long> first = a.machine().counters();
        a.machine().reset();
        // the reset CPU has paging off and no IDT: give it back what PagedMachine's set-up gave it
        PagedMachine again = PagedMachine.on(a.machine());
        again.cpu().rip = PagedMachine.CODE;
        again.run();
        assertEquals(firstTsc, again.reg(Reg.RAX), "the TSC counts from zero again");
        assertEquals(first.get("x86_instructions"), again.machine().counters().get("x86_instructions"));
    }
}
