package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TKL on several CPUs: IPIs sent from TKL reach the other CPU (x2APIC ICR, SDM 11.6.1:
 * fixed delivery, to one APIC id or to all but self), and two CPUs running TKL at once, each
 * on its own stack, interleave statement by statement under any schedule: a statement is one
 * indivisible step, so shared counters come out exact.
 */
class MultiCpuTest {
    static final String IPI = """
            extern fn set_gate(vector: u64, handler: u64);
            extern fn isr_stub();

            struct intrframe { rip: u64, cs: u64, rflags: u64, rsp: u64, ss: u64 }
            var ticks: u32;

            fn intr_handler(f: *intrframe) {
                atomic_add(&ticks, 1);
            }

            fn wait_for(n: u32) {
                while atomic_load(&ticks) < n {
                    pause();
                }
            }

            fn main() -> u64 {
                set_gate(0x40, isr_stub as u64);
                intr_enable();
                ipi_broadcast(0x40);
                wait_for(1);
                ipi_send(1, 0x40);
                wait_for(2);
                for let i: u32 = 0; i < 100; i += 1 {
                    pause();
                }
                return ticks as u64;
            }
            """;

    @Test
    void ipisFromTklReachTheOtherCpuButNotTheSender() {
        TklMachine m = new TklMachine(TklImage.of("ipi.tk", IPI).asm(TklImage.resource("idt.s"))
                .asm(TklImage.resource("intr.s")).asm(TklImage.resource("ap.s")).asm(WORKER_STUB).build(), 2);
        Cpu ap = m.machine.cpu(1);
        ap.state = Cpu.State.RUNNING;
        ap.rip = m.symbol("ap_idle");
        assertEquals(2, m.runMain(), "one broadcast (all but self) and one directed IPI, both taken by cpu1");
        assertEquals(2, ap.apic.ipisReceived);
        assertEquals(0, m.cpu().apic.ipisReceived);
    }

    /** ap.s refers to a TKL worker; the IPI program has none, so this x86 one stands in. */
    static final String WORKER_STUB = "\t.text\n\t.globl worker\nworker:\n\tret\n\t.section .note.GNU-stack,\"\",@progbits\n";

    static final String SHARED = """
            var counter: u64;
            var plain: u64;
            var done: u32;
            var sums: [2]u64;

            fn worker(id: u64) {
                let mine: u64 = 0;
                for let i: u64 = 0; i < 1000; i += 1 {
                    atomic_add(&counter, 1);
                    plain += 1;
                    mine += i + id;
                }
                sums[id] = mine;
                atomic_add(&done, 1);
            }

            fn main() -> u64 {
                worker(0);
                while atomic_load(&done) < 2 {
                    pause();
                }
                return counter + plain;
            }
            """;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42})
    void twoCpusRunningTklInterleaveStatementByStatement(long seed) {
        MachineConfig cfg = MachineConfig.defaults().withCpus(2).withSchedule(Schedule.RANDOM, seed).withQuantum(3);
        TklMachine m = new TklMachine(TklImage.of("shared.tk", SHARED).asm(TklImage.resource("idt.s")).asm(TklImage.resource("ap.s")).build(), cfg);
        Cpu ap = m.machine.cpu(1);
        ap.state = Cpu.State.RUNNING;
        ap.rip = m.symbol("ap_worker");
        assertEquals(4000, m.runMain(), "2 x 1000 atomic adds + 2 x 1000 one-statement increments");
        assertEquals(499500, m.read(m.symbol("sums"), 8), "cpu0's locals stayed its own");
        assertEquals(500500, m.read(m.symbol("sums") + 8, 8), "cpu1's locals stayed its own");
        assertEquals(true, ap.tklStatements > 3000 && m.cpu().tklStatements > 3000);
    }
}
