package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.testing.Sources;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * The intrinsics act on the executing CPU (docs/tkl.md, "Intrinsics"): curcpu is the GS base,
 * rcr3/lcr3 and invlpg reach the MMU, intr_* change RFLAGS.IF, the atomics are
 * read-modify-writes through the MMU with their documented results, port I/O reaches the I/O
 * bus, rdtsc counts steps (one per statement), and panic and KASSERT print OpenBSD's messages
 * and stop the machine with RIP on the statement.
 */
class IntrinsicsTest {
    static final String PROGRAM = """
            struct cpu_info { ci_self: *cpu_info, ci_cpuid: u32 }
            var ci0: cpu_info;
            var w32: u32;
            var w64: u64;
            var s32: i32;
            var s64: i64;
            var src: [16]u8;
            var dst: [16]u8;

            fn main() -> u64 {
                printf("curcpu %u\\n", (curcpu() == &ci0) as u8);
                atomic_store(&w32, 10);
                printf("u32 %u %u %u %u %u", atomic_load(&w32), atomic_add(&w32, 5), atomic_cas(&w32, 15, 100), atomic_cas(&w32, 15, 200), w32);
                printf(" %u %u", atomic_add(&w32, 0xffffffff), atomic_swap(&w32, 7));
                atomic_setbits(&w32, 0xf0);
                atomic_clearbits(&w32, 0x3);
                printf(" %x\\n", w32);
                atomic_store(&s32, -5);
                printf("i32 %d %d %d\\n", atomic_add(&s32, -10), atomic_cas(&s32, -15, 3), s32);
                atomic_store(&w64, 0xffffffff00000000);
                printf("u64 %x %x %x\\n", atomic_add(&w64, 0x100000000), atomic_swap(&w64, 1), atomic_load(&w64));
                atomic_store(&s64, -1);
                printf("i64 %d %d\\n", atomic_add(&s64, -1), atomic_cas(&s64, -2, 9));
                memset(&src[0], 0xab, 16);
                src[3] = 1;
                memcpy(&dst[0], &src[0], 16);
                printf("mem %x %x %x\\n", dst[0], dst[3], dst[15]);
                outb(0xe9, 'Z');
                outb(0xe9, '\\n');
                printf("in %x\\n", inb(0xe9));
                let t1 = rdtsc();
                let t2 = rdtsc();
                printf("tsc %u\\n", t2 - t1);
                let c = rcr3();
                lcr3(c);
                invlpg(&w32 as u64);
                pause();
                let f = intr_disable();
                intr_enable();
                let g = intr_disable();
                intr_restore(g);
                let h = intr_disable();
                intr_restore(f);
                let k = intr_disable();
                printf("if %x %x %x %x\\n", f & 0x200, g & 0x200, h & 0x200, k & 0x200);
                return c;
            }
            """;

    @Test
    void intrinsicsActOnTheExecutingCpu() {
        TklMachine m = new TklMachine(TklImage.of("intrinsics.tk", PROGRAM).build());
        m.cpu().gsBase = m.symbol("ci0");
        assertEquals(m.cpu().cr3, m.runMain());
        assertEquals("""
                curcpu 1
                u32 10 15 15 100 100 99 99 f4
                i32 -15 -15 3
                u64 0 0 1
                i64 -2 -2
                mem ab 1 ab
                Z
                in e9
                tsc 1
                if 0 200 200 0
                """, m.console());
        assertEquals(9, m.global("s64", 8));
    }

    static final String ASSERT = """
            fn check(x: u32) {
                KASSERT(x == 4 && x != 0);
            }
            fn main() -> u64 {
                check(4);
                check(3);
                return 1;
            }
            """;

    @Test
    void aFailedKassertPanicsWithTheConditionFileAndLine() {
        TklMachine m = new TklMachine(TklImage.of("kern/kern_exit.tk", ASSERT).build());
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.PANIC, r.reason(), r.detail());
        String msg = "kernel assertion \"x == 4 && x != 0\" failed: file \"kern/kern_exit.tk\", line 2";
        assertEquals(msg, m.machine.panicMessage());
        assertEquals("panic: " + msg + "\n", m.console());
        var at = m.runtime.sourceMap().site(m.cpu().rip).orElseThrow();
        assertEquals("check", at.function());
        assertEquals(2, at.line(), "RIP stays on the KASSERT");
    }

    static final String PANIC = """
            fn main() -> u64 {
                let n: u32 = 7;
                panic("bad %u %s", n, "thing"); // PANIC
            }
            """;

    @Test
    void panicPrintsAndStopsEveryCpuWithRipOnTheStatement() {
        TklMachine m = new TklMachine(TklImage.of("p.tk", PANIC).build(), 2);
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.PANIC, r.reason());
        assertTrue(r.detail().startsWith("cpu0 panicked at rip 0x"), r.detail());
        assertEquals("panic: bad 7 thing\n", m.console());
        assertEquals(Sources.lineOf(PANIC, "// PANIC"), m.runtime.sourceMap().site(m.cpu().rip).orElseThrow().line());
        assertEquals(RunResult.Reason.PANIC, m.machine.run(1000).reason(), "a panicked machine stays stopped");
    }
}
