package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.kernel.testing.Sources;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import org.junit.jupiter.api.Test;

/**
 * Shadow memory (KASAN-like, docs/tkl.md "Shadow memory"): the allocator annotations
 * shadow_alloc/shadow_free mark ranges allocated or freed, and a TKL access to a freed range
 * is reported with the site and the address; by default the kernel panics on it.
 */
class ShadowMemoryTest {
    static final String PROGRAM = """
            var pool: [8192]u8;
            var mode: u32;

            fn use_frame_after_free() -> u64 {
                let x: u64 = 1;
                let page = (&x as u64) & ~(0xfff as u64);
                shadow_free(page as *void, 4096);
                x += 1; // FRAME
                return x;
            }

            fn main() -> u64 {
                let p = &pool[64] as *u64;
                shadow_alloc(&pool[0], 4096, "proc");
                *p = 5;
                shadow_free(&pool[0], 4096);
                let q = &pool[4096] as *u64;
                *q = 6;
                if mode == 1 {
                    shadow_free(&pool[128], 8); // DOUBLE
                    return 0;
                }
                if mode == 2 {
                    return use_frame_after_free();
                }
                shadow_alloc(&pool[0], 72, "proc");
                let ok = *p;
                let v = *(p + 1); // UAF
                return v + ok;
            }
            """;

    static TklMachine machine(int mode, TklRuntime.ShadowPolicy policy) {
        TklMachine m = new TklMachine(TklImage.of("uaf.tk", PROGRAM).build());
        m.write(m.symbol("mode"), 4, mode);
        m.runtime.setShadowPolicy(policy);
        return m;
    }

    @Test
    void aReadOfFreedMemoryPanicsWithTheSiteAndTheAddress() {
        TklMachine m = machine(0, TklRuntime.ShadowPolicy.PANIC);
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.PANIC, r.reason(), r.detail());
        long addr = m.symbol("pool") + 72;
        String expected = String.format("shadow memory: use-after-free: read of 8 bytes at 0x%x (freed proc 0x%x-0x%x) on cpu0 at uaf.tk:%d:",
                addr, m.symbol("pool") + 72, m.symbol("pool") + 4096, Sources.lineOf(PROGRAM, "// UAF"));
        assertTrue(m.machine.panicMessage().startsWith(expected), m.machine.panicMessage());
        assertTrue(m.console().startsWith("panic: " + expected), m.console());
    }

    @Test
    void underTheReportPolicyEveryViolationIsRecordedAndTheKernelGoesOn() {
        TklMachine m = machine(0, TklRuntime.ShadowPolicy.REPORT);
        m.runMain();
        assertEquals(1, m.runtime.violationCount());
        ShadowViolation v = m.runtime.violations().get(0);
        assertEquals(ShadowViolation.Kind.USE_AFTER_FREE, v.kind());
        assertEquals(m.symbol("pool") + 72, v.address());
        assertEquals(8, v.size());
        assertEquals(false, v.write());
        assertEquals(Sources.lineOf(PROGRAM, "// UAF"), m.runtime.sourceMap().site(v.rip()).orElseThrow().line());
        assertEquals(5, m.result(), "the memory itself is untouched: 5 + 0");
    }

    @Test
    void freeingFreedMemoryIsADoubleFree() {
        TklMachine m = machine(1, TklRuntime.ShadowPolicy.REPORT);
        m.runMain();
        ShadowViolation v = m.runtime.violations().get(0);
        assertEquals(ShadowViolation.Kind.DOUBLE_FREE, v.kind());
        assertEquals(Sources.lineOf(PROGRAM, "// DOUBLE"), m.runtime.sourceMap().site(v.rip()).orElseThrow().line());
    }

    @Test
    void aFunctionRunningOnAFreedStackIsCaughtAtItsNextFrameAccess() {
        TklMachine m = machine(2, TklRuntime.ShadowPolicy.PANIC);
        RunResult r = m.machine.run(TklMachine.STEPS);
        assertEquals(RunResult.Reason.PANIC, r.reason(), r.detail());
        assertTrue(m.machine.panicMessage().contains("use-after-free: read of 8 bytes"), m.machine.panicMessage());
        assertTrue(m.machine.panicMessage().contains("uaf.tk:" + Sources.lineOf(PROGRAM, "// FRAME") + ":"), m.machine.panicMessage());
    }

    @Test
    void allocationsAfterAFreeUnpoisonExactlyTheirRange() {
        ShadowMemory s = new ShadowMemory();
        s.alloc(0x1000, 0x100, "a");
        assertEquals(null, s.free(0x1000, 0x100));
        s.alloc(0x1040, 0x40, "b");
        assertTrue(s.freedAt(0x1000, 8) != null && s.freedAt(0x1080, 1) != null);
        assertEquals(null, s.freedAt(0x1040, 8));
        assertEquals(null, s.freedAt(0x107f, 1));
        assertTrue(s.freedAt(0x103c, 8) != null, "an access straddling the boundary touches freed bytes");
        assertEquals(2, s.freedRegions().size());
        long kernel = 0xffff_8000_0000_0000L;
        assertEquals(null, s.free(kernel, 4096));
        assertTrue(s.freedAt(kernel + 100, 4) != null, "kernel addresses compare unsigned");
        assertTrue(s.free(kernel + 8, 8) != null, "double free");
    }
}
