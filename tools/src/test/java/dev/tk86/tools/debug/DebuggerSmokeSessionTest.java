package dev.tk86.tools.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Reg;
import org.junit.jupiter.api.Test;

/**
 * The debugger's rules on the smoke kernel (issue 10, item 1): breakpoints on TKL functions,
 * locore symbols and file:line stop there; si is one step of the selected CPU; the stack and
 * address-space switches a CPU makes are seen at the exact instruction or statement that makes
 * them; watchpoints on a cpu_info field cover every CPU.
 */
class DebuggerSmokeSessionTest {
    @Test
    void anApStartingUpMovesItsStackPointerToItsOwnKernelStackAtTheMovToRsp() throws Exception {
        DebugSessions d = DebugSessions.smoke(2);
        assertTrue(d.run("break cpu_spinup_entry").startsWith("breakpoint 1: "));
        String stop = d.run("c");
        assertTrue(stop.contains("[cpu1] breakpoint 1, cpu_spinup_entry"), stop);
        assertEquals(1, d.session.cpuId(), "the stop selects the CPU that hit");
        long kstack = d.value("cpu_info_store[1].ci_kstack");
        long before = d.reg(1, Reg.RSP);
        assertNotEquals(kstack, before);
        // step instruction by instruction: %rsp changes exactly once, to ci_kstack, at "mov CPU_INFO_KSTACK(%rbx), %rsp"
        int changes = 0;
        for (int i = 0; i < 8; i++) {
            String insn = d.run("x/1i $rip");
            long rsp = d.reg(1, Reg.RSP);
            d.run("si");
            if (d.reg(1, Reg.RSP) != rsp) {
                changes++;
                assertTrue(insn.contains("%rsp") && insn.startsWith("=> "), insn);
                assertEquals(kstack, d.reg(1, Reg.RSP));
            }
        }
        assertEquals(1, changes);
        assertEquals(0, d.target().cpu(0).state == dev.tk86.isa.cpu.Cpu.State.RUNNING ? 0 : 1, "cpu0 keeps running meanwhile");
    }

    @Test
    void cr3ChangesExactlyAtTheStatementThatLoadsTheKernelPml4() throws Exception {
        DebugSessions d = DebugSessions.smoke(2);
        String b = d.run("break pmap.tk:152");
        assertTrue(b.contains("arch/amd64/amd64/pmap.tk:152"), b);
        String stop = d.run("c");
        assertTrue(stop.contains("breakpoint 1, pmap_bootstrap at arch/amd64/amd64/pmap.tk:152"), stop);
        long bootCr3 = d.target().cpu(0).cr3, kernelPml4 = d.value("kernel_pml4");
        assertNotEquals(bootCr3, kernelPml4);
        String step = d.run("s");
        assertTrue(step.contains("pmap.tk:153"), "one statement on: " + step);
        assertEquals(kernelPml4, d.target().cpu(0).cr3);
        assertTrue(d.run("cr").contains(String.format("cr3  0x%016x", kernelPml4)));
    }

    @Test
    void siOnTheSelectedCpuIsOneStepOfThatCpuWhileTheInterleaverRunsTheOthers() throws Exception {
        DebugSessions d = DebugSessions.smoke(2);
        d.run("break cpu_hatch");
        d.run("c");
        assertEquals(1, d.session.cpuId());
        long steps = d.target().cpu(1).steps;
        d.run("si");
        assertEquals(steps + 1, d.target().cpu(1).steps);
        d.run("si 3");
        assertEquals(steps + 4, d.target().cpu(1).steps);
        assertTrue(d.run("cpu 0").startsWith("cpu0 "));
        assertEquals(0, d.session.cpuId());
    }

    @Test
    void stepStopsAtTklStatementsAndNextStepsOverCalls() throws Exception {
        DebugSessions d = DebugSessions.smoke(1);
        d.run("break main");
        assertTrue(d.run("c").contains("main at kern/init_main.tk:14"));
        assertTrue(d.run("s").contains("kern/init_main.tk:15"));
        assertTrue(d.run("s").contains("init_x86_64"), "s goes into the call");
        String fin = d.run("finish");
        assertTrue(fin.contains("main"), fin);
        String n = d.run("n");
        assertTrue(n.contains("kern/init_main.tk:1"), n);
        assertTrue(n.contains("[tkl statement"), n);
    }

    @Test
    void aBreakpointConditionIsEvaluatedOnTheCpuThatReachesIt() throws Exception {
        DebugSessions d = DebugSessions.smoke(2);
        String b = d.run("break cpu_hatch if curcpu()->ci_cpuid == 1");
        assertTrue(b.startsWith("breakpoint 1: ") && b.contains(" if curcpu()->ci_cpuid == 1"), b);
        String stop = d.run("c");
        assertTrue(stop.contains("[cpu1] breakpoint 1, cpu_hatch"), stop);
        assertEquals(1, d.value("curcpu()->ci_cpuid"));
    }

    @Test
    void watchingACpuInfoFieldWatchesItOnEveryCpu() throws Exception {
        DebugSessions d = DebugSessions.smoke(2);
        d.run("break cpu_hatch");
        d.run("c");
        d.run("cpu 0");
        String w = d.run("watch ci_flags");
        assertTrue(w.contains("watchpoint 2: change ci_flags") && w.contains(String.format("[0x%x, 4 bytes]", d.value("&cpu_info_store[1].ci_flags"))), w);
        assertTrue(w.contains(String.format("[0x%x, 4 bytes]", d.value("&cpu_info_store[0].ci_flags"))), "one range per CPU: " + w);
        String stop = d.run("c");
        // cpu_hatch on cpu1 sets CPUF_PRESENT in its own cpu_info, though cpu0 was selected
        assertTrue(stop.startsWith("[cpu1] watchpoint 2:"), stop);
        assertTrue(stop.contains("old = 0x2, new = 0x1002"), stop);
    }

    @Test
    void ptShowsEveryLevelOfTheWalkWithItsFlags() throws Exception {
        DebugSessions d = DebugSessions.smoke(1);
        String pt = d.run("pt start");
        assertTrue(pt.contains("PML4E[511]") && pt.contains("PDPTE[510]") && pt.contains("PDE  [  0]") && pt.contains("PTE  [256]"), pt);
        assertTrue(pt.contains("-> physical 0x100000"), pt);
        assertTrue(d.run("pt 0x7000000000").contains("no translation: not present at level"));
    }

    @Test
    void everyBadInputIsOneLineAndTheSessionGoesOn() throws Exception {
        DebugSessions d = DebugSessions.smoke(1);
        String[][] cases = {
                {"frobnicate", "unknown command 'frobnicate'; expected one of:"},
                {"break no_such_function", "unknown symbol 'no_such_function'; expected a function or symbol"},
                {"break kern/nope.tk:3", "no TKL file 'kern/nope.tk'"},
                {"break init_main.tk:2", "no statement starts at kern/init_main.tk:2"},
                {"p curcpu(->", ""},
                {"x/4q $rsp", "x: '/4q' is not a format"},
                {"cpu 9", "no cpu9; expected 0..0"},
                {"show frob", "'show frob': expected one of"},
                {"si many", "si: 'many' is not a count"},
        };
        for (String[] c : cases) {
            String out = d.run(c[0]);
            assertEquals(1, out.strip().lines().count(), c[0] + " -> " + out);
            assertTrue(out.startsWith(c[1]), c[0] + " -> " + out);
        }
        assertTrue(d.run("si").startsWith("cpu0 "), "the session goes on");
    }
}
