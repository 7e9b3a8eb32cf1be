package dev.tk86.tools.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import dev.tk86.tools.boot.TestImages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 8: steps through every cpu_switchto(old, new) of a workload one instruction at a time
 * (a StepHook sees each x86 instruction) and checks amd64's rules from the outside, reading
 * only the threads' structures, never locore's code:
 * <ul>
 *   <li>%rsp starts inside the old thread's uarea [p_addr, p_addr + USPACE) (unless old is
 *       NULL: an exited thread, whose stack is not its own any more), leaves it once for the
 *       new thread's uarea, and is there when cpu_switchto returns;</li>
 *   <li>%cr3 is loaded (a TLB flush of non-global entries) exactly when the new PCB's
 *       pcb_cr3 differs from the old one's (from the live %cr3 when old is NULL), and holds
 *       the new pcb_cr3 afterwards;</li>
 *   <li>afterwards ci_proc_pmap is the new thread's pmap (NULL for a P_SYSTEM thread) when
 *       %cr3 was loaded, and what it was before when not (7.7, facts §1); ci_curproc is new,
 *       ci_curpcb its PCB, and new->p_cpu this CPU.</li>
 * </ul>
 */
class CpuSwitchtoRulesTest {
    private static final int RET = 0xC3;

    /** One cpu_switchto in progress on a CPU. */
    private static final class Switch {
        long old, nu, oldLo, oldHi, newLo, newHi, entryCr3, oldPcbCr3, newPcbCr3, newPmap, procPmapBefore, flushes;
        boolean sawRet, leftOld, inNew;
        long steps;
    }

    @ParameterizedTest(name = "{0} {1} on {2} CPUs")
    @CsvSource({"GENERIC, forkexit, 2", "PURGE, forkexit, 2", "GENERIC, configure, 2", "GENERIC, forkstorm, 4"})
    void everyCpuSwitchtoFollowsTheRules(String config, String workload, int cpus) throws ImageException {
        Path image = TestImages.of(config);
        TklRuntimeBinder binder = new TklRuntimeBinder();
        BootedImage b = BootLoader.boot(image, MachineConfig.defaults().withCpus(cpus), "workload=" + workload, binder);
        KernelInspector k = KernelInspector.of(b, binder.runtime().orElseThrow());
        long start = k.image().address("cpu_switchto");
        long end = start + k.image().symbol("cpu_switchto").orElseThrow().size();
        long uspace = k.image().constant("USPACE").orElseThrow().value();
        long pSystem = k.image().constant("P_SYSTEM").orElseThrow().value();
        Switch[] current = new Switch[cpus];
        List<String> broken = new ArrayList<>();
        int[] checked = {0, 0, 0};   // switches, of which %cr3 loads, of which with old NULL

        k.machine().setHook(cpu -> {
            CpuView v = k.cpu(cpu.id);
            Switch s = current[cpu.id];
            if (s != null && s.sawRet) {
                current[cpu.id] = null;
                check(v, s, uspace, broken);
                checked[0]++;
                if (cpu.mmu.tlb.cr3Flushes != s.flushes) checked[1]++;
                if (s.old == 0) checked[2]++;
            } else if (s != null) {
                long rsp = cpu.r[Reg.RSP];
                boolean inOld = s.old != 0 && rsp - s.oldLo >= 0 && rsp - s.oldLo < uspace;
                boolean inNew = rsp - s.newLo >= 0 && rsp - s.newLo < uspace;
                if (s.inNew && !inNew) broken.add(String.format("cpu%d: %%rsp 0x%x left the new uarea again", cpu.id, rsp));
                if (s.leftOld && inOld && !inNew) broken.add(String.format("cpu%d: %%rsp 0x%x went back to the old uarea", cpu.id, rsp));
                if (!inOld) s.leftOld = true;
                if (inNew) s.inNew = true;
                s.steps++;
                if (cpu.rip - start >= 0 && cpu.rip - start < end - start && v.memory().read(cpu.rip, 1) == RET) s.sawRet = true;
            }
            if (cpu.rip == start) current[cpu.id] = enter(v, cpu, uspace, pSystem, broken);
            return true;
        });
        RunResult r = k.machine().run(200_000_000);
        assertEquals(RunResult.Reason.POWER_OFF, r.reason(), r.detail());
        assertEquals(0, r.exitStatus(), k.machine().console().text());
        assertEquals(List.of(), broken.subList(0, Math.min(10, broken.size())));
        long switches = k.counters().get("context_switches");
        assertTrue(checked[0] >= switches && switches > 10, "checked " + checked[0] + " of " + switches + " context switches");
        assertTrue(checked[1] > 0 && checked[1] < checked[0], "both kinds occur: " + checked[1] + " %cr3 loads in " + checked[0] + " switches");
        assertTrue(checked[2] > 0, "switches away from exited threads occur");
    }

    private static Switch enter(CpuView v, Cpu cpu, long uspace, long pSystem, List<String> broken) {
        Switch s = new Switch();
        TypedReader r = v.reader();
        s.old = cpu.r[Reg.RDI];
        s.nu = cpu.r[Reg.RSI];
        s.entryCr3 = cpu.cr3;
        s.flushes = cpu.mmu.tlb.cr3Flushes;
        s.procPmapBefore = r.scalar(v.evaluate("curcpu()->ci_proc_pmap"));
        Value nu = proc(v, s.nu);
        s.newLo = r.scalar(r.field(nu, "p_addr"));
        s.newHi = s.newLo + uspace;
        Value newPcb = r.deref(v.evaluate("(" + s.newLo + " as *pcb)"));
        s.newPcbCr3 = r.scalar(r.field(newPcb, "pcb_cr3"));
        boolean system = (r.scalar(r.field(nu, "p_flag")) & pSystem) != 0;
        s.newPmap = system ? 0 : r.scalar(r.field(newPcb, "pcb_pmap"));
        if (s.old != 0) {
            Value old = proc(v, s.old);
            s.oldLo = r.scalar(r.field(old, "p_addr"));
            s.oldHi = s.oldLo + uspace;
            s.oldPcbCr3 = r.scalar(r.field(r.deref(v.evaluate("(" + s.oldLo + " as *pcb)")), "pcb_cr3"));
            long rsp = cpu.r[Reg.RSP];
            if (rsp - s.oldLo < 0 || rsp - s.oldLo >= uspace)
                broken.add(String.format("cpu%d: cpu_switchto entered with %%rsp 0x%x outside the old uarea [0x%x, 0x%x)", cpu.id, rsp, s.oldLo, s.oldHi));
        }
        return s;
    }

    private static Value proc(CpuView v, long p) { return v.reader().deref(v.evaluate("(" + p + " as *proc)")); }

    private static void check(CpuView v, Switch s, long uspace, List<String> broken) {
        Cpu cpu = v.cpu();
        TypedReader r = v.reader();
        String at = String.format("cpu%d switch 0x%x -> 0x%x", cpu.id, s.old, s.nu);
        long rsp = cpu.r[Reg.RSP];
        if (rsp - s.newLo < 0 || rsp - s.newLo >= uspace) broken.add(at + String.format(": returned with %%rsp 0x%x outside the new uarea", rsp));
        boolean shouldLoad = (s.old != 0 ? s.oldPcbCr3 : s.entryCr3) != s.newPcbCr3;
        boolean loaded = cpu.mmu.tlb.cr3Flushes != s.flushes;
        if (loaded != shouldLoad) broken.add(at + ": %cr3 " + (loaded ? "loaded" : "not loaded") + String.format(" with pcb_cr3 0x%x -> 0x%x", s.oldPcbCr3, s.newPcbCr3));
        if (cpu.cr3 != s.newPcbCr3) broken.add(at + String.format(": %%cr3 0x%x is not the new pcb_cr3 0x%x", cpu.cr3, s.newPcbCr3));
        long procPmap = r.scalar(v.evaluate("curcpu()->ci_proc_pmap"));
        long expected = loaded ? s.newPmap : s.procPmapBefore;
        if (procPmap != expected) broken.add(at + String.format(": ci_proc_pmap 0x%x, expected 0x%x", procPmap, expected));
        if (r.scalar(v.evaluate("curcpu()->ci_curproc")) != s.nu) broken.add(at + ": ci_curproc is not the new thread");
        if (r.scalar(v.evaluate("curcpu()->ci_curpcb")) != s.newLo) broken.add(at + ": ci_curpcb is not the new PCB");
        if (r.scalar(r.field(proc(v, s.nu), "p_cpu")) != cpu.gsBase) broken.add(at + ": new->p_cpu is not this CPU");
        if (s.old != 0 && !s.leftOld) broken.add(at + ": %rsp never left the old uarea");
    }
}
