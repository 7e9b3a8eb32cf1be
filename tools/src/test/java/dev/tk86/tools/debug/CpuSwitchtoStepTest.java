package dev.tk86.tools.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10's scripted session on the default image: break on cpu_switchto, step through it
 * instruction by instruction, and check what a context switch does (OpenBSD amd64's
 * cpu_switchto, locore.S): %rsp moves from the old thread's uarea to the new one's, %cr3
 * changes exactly when the two PCBs' pcb_cr3 differ, and afterwards ci_proc_pmap holds the new
 * thread's pmap if %cr3 was loaded (NULL for a system thread) and is unchanged otherwise.
 */
class CpuSwitchtoStepTest {
    /** One switch as seen from the breakpoint at cpu_switchto's entry. */
    private record Switch(int cpu, long oldProc, long newProc, long oldUarea, long newUarea, long oldCr3, long newCr3,
                          long newPmap, long cr3AtEntry, long procPmapAtEntry) { }

    @Test
    void steppingThroughCpuSwitchtoMovesTheStackChangesCr3OnlyBetweenAddressSpacesAndSetsCiProcPmap() throws Exception {
        DebugSessions d = DebugSessions.of("GENERIC", 2);
        assertTrue(d.run("break cpu_switchto").startsWith("breakpoint 1: "));
        long uspace = d.value("USPACE");
        int checked = 0, loads = 0, same = 0;
        for (int hit = 0; hit < 60 && (loads < 2 || same < 2); hit++) {
            String stop = d.run("c");
            if (!stop.contains("breakpoint 1, cpu_switchto")) break; // the workload ended
            Switch s = atEntry(d, uspace);
            if (s.oldProc() == 0) continue; // a thread that exited: nothing to save, no old uarea
            List<Long> stack = new ArrayList<>(), cr3 = new ArrayList<>();
            Cpu c = d.target().cpu(s.cpu());
            assertTrue(inside(c.r[Reg.RSP], s.oldUarea(), uspace), "entered on the old thread's stack: " + hex(c.r[Reg.RSP]));
            // step until the switch has returned into the new thread
            for (int i = 0; i < 100 && d.target().site(c.rip).isEmpty() && insideSymbol(d, c.rip, "cpu_switchto"); i++) {
                d.run("si");
                assertEquals(s.cpu(), d.session.cpuId(), "the steps stay on the CPU that switches");
                stack.add(c.r[Reg.RSP]);
                cr3.add(c.cr3);
            }
            assertTrue(!insideSymbol(d, c.rip, "cpu_switchto"), "left cpu_switchto by its ret");
            int pivot = firstIndex(stack, v -> inside(v, s.newUarea(), uspace));
            assertTrue(pivot >= 0, "%rsp reached the new thread's uarea");
            for (int i = 0; i < pivot; i++) assertTrue(inside(stack.get(i), s.oldUarea(), uspace), "on the old uarea before the pivot");
            for (int i = pivot; i < stack.size(); i++) assertTrue(inside(stack.get(i), s.newUarea(), uspace), "on the new uarea after it");
            long changes = countChanges(s.cr3AtEntry(), cr3);
            boolean differ = s.oldCr3() != s.newCr3();
            assertEquals(differ ? 1 : 0, changes, String.format("pcb_cr3 old 0x%x new 0x%x", s.oldCr3(), s.newCr3()));
            assertEquals(s.newCr3(), c.cr3);
            long procPmap = d.value(String.format("cpu_info_store[%d].ci_proc_pmap", s.cpu()));
            assertEquals(differ ? s.newPmap() : s.procPmapAtEntry(), procPmap, "ci_proc_pmap after the switch");
            if (differ) loads++; else same++;
            checked++;
        }
        assertTrue(loads >= 1 && same >= 1, "saw switches with (" + loads + ") and without (" + same + ") a %cr3 load");
        assertTrue(checked >= 2);
    }

    private static Switch atEntry(DebugSessions d, long uspace) {
        int cpu = d.session.cpuId();
        long oldP = d.value("$rdi"), newP = d.value("$rsi");
        long oldU = oldP == 0 ? 0 : d.value(String.format("(0x%x as *proc)->p_addr", oldP));
        long newU = d.value(String.format("(0x%x as *proc)->p_addr", newP));
        long oldCr3 = oldP == 0 ? 0 : d.value(String.format("(0x%x as *pcb)->pcb_cr3", oldU));
        long newCr3 = d.value(String.format("(0x%x as *pcb)->pcb_cr3", newU));
        boolean system = (d.value(String.format("(0x%x as *proc)->p_flag", newP)) & d.value("P_SYSTEM")) != 0;
        long newPmap = system ? 0 : d.value(String.format("(0x%x as *pcb)->pcb_pmap", newU));
        long procPmap = d.value(String.format("cpu_info_store[%d].ci_proc_pmap", cpu));
        return new Switch(cpu, oldP, newP, oldU, newU, oldCr3, newCr3, newPmap, d.target().cpu(cpu).cr3, procPmap);
    }

    private static boolean inside(long v, long base, long size) { return Long.compareUnsigned(v - base, size) <= 0 && base != 0; }

    /** Inside {@code name}'s ELF extent (its labels, such as switch_restore, are symbols of their own). */
    private static boolean insideSymbol(DebugSessions d, long rip, String name) {
        return d.target().symbols().lookup(name).map(s -> Long.compareUnsigned(rip - s.value(), s.size()) < 0).orElse(false);
    }

    private static int firstIndex(List<Long> l, java.util.function.LongPredicate p) {
        for (int i = 0; i < l.size(); i++) if (p.test(l.get(i))) return i;
        return -1;
    }

    private static long countChanges(long first, List<Long> values) {
        long n = 0, prev = first;
        for (long v : values) { if (v != prev) n++; prev = v; }
        return n;
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
