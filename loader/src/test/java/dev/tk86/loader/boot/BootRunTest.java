package dev.tk86.loader.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.TestKernels;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Kernels written only against docs/boot.md, assembled with GNU as and linked with GNU ld,
 * boot and run to power-off: the entry state, the boot page tables, the boot info and the AP
 * start-up protocol are what those kernels rely on.
 */
class BootRunTest {
    private static final long STEPS = 1_000_000;

    @Test
    void highHalfKernelPrintsFromTheBootCpuAndPowersOffWithZero() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(2), "", null);
        RunResult r = b.machine().run(STEPS);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(0L, r.exitStatus());
        assertEquals("hello from the boot CPU\n", b.machine().console().text());
        long bootinfo = b.image().symbols().lookup("bootinfo").orElseThrow().value();
        assertEquals(0x10000L, b.machine().memory().read(b.machine().cpu(0).mmu.peekTranslate(bootinfo), 8),
                "the kernel stored %rdi (the boot info) in .data through its high-half mapping");
    }

    @Test
    void kernelLinkedAtItsPhysicalAddressRunsThroughTheIdentityMap() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.helloIdentity()), Boots.config(1), "", null);
        assertEquals(0x100000L, b.machine().cpu(0).rip);
        RunResult r = b.machine().run(STEPS);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(0L, r.exitStatus());
        assertEquals("hello from the boot CPU\n", b.machine().console().text());
    }

    @ParameterizedTest(name = "{0} CPUs")
    @ValueSource(ints = {1, 2, 4})
    void applicationProcessorsStartAtTheStartupVectorWithTheirApicIdInRdi(int cpus) throws ImageException {
        Machine m = BootLoader.boot(TestKernels.bytes(TestKernels.smp()), Boots.config(cpus), "", null).machine();
        RunResult r = m.run(STEPS);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(0L, r.exitStatus());
        String[] lines = m.console().text().split("\n");
        assertEquals("hello from the boot CPU", lines[0]);
        String[] aps = Arrays.copyOfRange(lines, 1, lines.length);
        Arrays.sort(aps);
        String[] expected = new String[cpus - 1];
        for (int i = 1; i < cpus; i++) expected[i - 1] = "hello from cpu " + i;
        assertEquals(Arrays.asList(expected), Arrays.asList(aps));
    }

    @Test
    void theSameSeedGivesTheSameRun() throws ImageException {
        String[] console = new String[2];
        Object[] counters = new Object[2];
        for (int i = 0; i < 2; i++) {
            Machine m = BootLoader.boot(TestKernels.bytes(TestKernels.smp()),
                    Boots.config(4).withSchedule(Schedule.RANDOM, 42), "", null).machine();
            assertEquals(RunResult.Reason.POWER_OFF, m.run(STEPS).reason());
            console[i] = m.console().text();
            counters[i] = m.counters();
        }
        assertEquals(console[0], console[1]);
        assertEquals(counters[0], counters[1]);
    }

    @Test
    void anExceptionBeforeTheKernelLoadsAnIdtIsATripleFault() throws ImageException {
        BootedImage b = BootLoader.boot(TestKernels.bytes(TestKernels.hello()), Boots.config(1), "", null);
        b.machine().cpu(0).rip = 0xffffffff80101000L; // .rodata: no-execute, so the fetch takes #PF
        RunResult r = b.machine().run(STEPS);
        assertEquals(RunResult.Reason.TRIPLE_FAULT, r.reason(), r.detail());
    }
}
