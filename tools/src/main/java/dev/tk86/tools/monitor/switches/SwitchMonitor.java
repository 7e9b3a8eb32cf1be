package dev.tk86.tools.monitor.switches;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.tools.monitor.Monitor;
import dev.tk86.tools.monitor.MonitorContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What cpu_switchto must leave behind (OpenBSD amd64's locore; the checks Linux makes under
 * DEBUG_VM in switch_mm_irqs_off):
 * <ul>
 *   <li>{@code switch_interrupts}: it is entered with interrupts off (the scheduler lock);</li>
 *   <li>{@code switch_curproc}: afterwards ci_curproc is the new thread and ci_curpcb its PCB
 *       (the start of its uarea);</li>
 *   <li>{@code switch_pmap}: ci_proc_pmap is the new thread's pmap for a user thread and NULL
 *       for a system thread: the CPU is in the active set of the pmap it runs on, and only of it;</li>
 *   <li>{@code switch_cr3}: %cr3 is the thread's pcb_cr3, which is its pmap's PML4;</li>
 *   <li>{@code switch_regs}: a thread resumes with the callee-saved registers and stack pointer
 *       it entered cpu_switchto with (the SysV ABI of the call).</li>
 * </ul>
 */
public final class SwitchMonitor implements Monitor {
    public static final String INTERRUPTS = "switch_interrupts", CURPROC = "switch_curproc", PMAP = "switch_pmap",
            CR3 = "switch_cr3", REGS = "switch_regs";
    /** rbx, rbp, r12..r15 and the stack pointer after the return. */
    private static final int[] CALLEE_SAVED = {3, 5, 12, 13, 14, 15};
    private static final String[] NAMES = {"rbx", "rbp", "r12", "r13", "r14", "r15"};
    private static final long CR3_FRAME = 0x000F_FFFF_FFFF_F000L;

    private MonitorContext ctx;
    private long pAddr, pFlag, pcbCr3, pcbPmap, pmPdirpa, ciCurproc, ciCurpcb, ciProcPmap, pSystem;
    /** Per thread: its callee-saved registers and return %rsp when it entered cpu_switchto. */
    private final Map<Long, long[]> saved = new HashMap<>();

    @Override public List<String> invariants() { return List.of(INTERRUPTS, CURPROC, PMAP, CR3, REGS); }

    @Override
    public boolean attach(MonitorContext c) {
        var f = c.facts();
        if (SwitchEvents.function(c).isEmpty() || !f.has("proc.p_addr", "proc.p_flag", "pcb.pcb_cr3", "pcb.pcb_pmap",
                "pmap.pm_pdirpa", "cpu_info.ci_curproc", "cpu_info.ci_curpcb", "cpu_info.ci_proc_pmap", "P_SYSTEM"))
            return false;
        ctx = c;
        pAddr = f.off("proc.p_addr");
        pFlag = f.off("proc.p_flag");
        pcbCr3 = f.off("pcb.pcb_cr3");
        pcbPmap = f.off("pcb.pcb_pmap");
        pmPdirpa = f.off("pmap.pm_pdirpa");
        ciCurproc = f.off("cpu_info.ci_curproc");
        ciCurpcb = f.off("cpu_info.ci_curpcb");
        ciProcPmap = f.off("cpu_info.ci_proc_pmap");
        pSystem = f.value("P_SYSTEM");
        c.switches().listen(new SwitchEvents.Listener() {
            @Override public void entered(Cpu cpu, long old, long next) { onEntry(cpu, old); }

            @Override public void returned(Cpu cpu, long next) { onReturn(cpu, next); }
        });
        return true;
    }

    private void onEntry(Cpu cpu, long old) {
        if ((cpu.rflagsSys & Rflags.IF) != 0)
            ctx.reporter().report(INTERRUPTS, cpu, "cpu_switchto entered with interrupts on", ctx.events().about(cpu.id, -1));
        if (old != 0) {
            long[] regs = new long[CALLEE_SAVED.length + 1];
            for (int i = 0; i < CALLEE_SAVED.length; i++) regs[i] = cpu.r[CALLEE_SAVED[i]];
            regs[CALLEE_SAVED.length] = cpu.r[4] + 8; // %rsp once the call has returned
            saved.put(old, regs);
        }
    }

    private void onReturn(Cpu cpu, long next) {
        if (next == -1) return;
        long ci = cpu.gsBase;
        String who = ctx.thread(cpu, next);
        long curproc = ctx.u64(cpu, ci + ciCurproc), curpcb = ctx.u64(cpu, ci + ciCurpcb), procPmap = ctx.u64(cpu, ci + ciProcPmap);
        long uarea = ctx.u64(cpu, next + pAddr);
        long flags = ctx.u32(cpu, next + pFlag);
        if (curproc != next) {
            fail(CURPROC, cpu, String.format("after switching to %s, ci_curproc is 0x%x", who, curproc));
            return;
        }
        if (curpcb != uarea) {
            fail(CURPROC, cpu, String.format("after switching to %s, ci_curpcb is 0x%x, not its PCB 0x%x", who, curpcb, uarea));
            return;
        }
        if (uarea == 0) return; // a freed uarea: the stack monitor says more
        long pmap = ctx.u64(cpu, uarea + pcbPmap), cr3 = ctx.u64(cpu, uarea + pcbCr3);
        boolean system = (flags & pSystem) != 0;
        long expected = system ? 0 : pmap;
        if (procPmap != expected) {
            fail(PMAP, cpu, String.format("after switching to %s thread %s, ci_proc_pmap is 0x%x, not %s", system ? "system" : "user",
                    who, procPmap, system ? "NULL" : String.format("its pmap 0x%x", pmap)));
            return;
        }
        if ((cpu.cr3 & CR3_FRAME) != (cr3 & CR3_FRAME)) {
            fail(CR3, cpu, String.format("after switching to %s, %%cr3 is 0x%x, not its pcb_cr3 0x%x", who, cpu.cr3, cr3));
            return;
        }
        if (!system && pmap != 0) {
            long pml4 = ctx.u64(cpu, pmap + pmPdirpa);
            if ((cr3 & CR3_FRAME) != (pml4 & CR3_FRAME)) {
                fail(CR3, cpu, String.format("after switching to %s, %%cr3 0x%x is not its pmap's PML4 0x%x", who, cpu.cr3, pml4));
                return;
            }
        }
        long[] regs = saved.remove(next);
        if (regs == null) return; // a new thread's first switch: nothing to compare
        for (int i = 0; i < CALLEE_SAVED.length; i++)
            if (cpu.r[CALLEE_SAVED[i]] != regs[i]) {
                fail(REGS, cpu, String.format("%s resumed with %%%s = 0x%x; it entered cpu_switchto with 0x%x", who, NAMES[i],
                        cpu.r[CALLEE_SAVED[i]], regs[i]));
                return;
            }
        if (cpu.r[4] != regs[CALLEE_SAVED.length])
            fail(REGS, cpu, String.format("%s resumed with %%rsp = 0x%x; its call of cpu_switchto returns to 0x%x", who, cpu.r[4],
                    regs[CALLEE_SAVED.length]));
    }

    private void fail(String invariant, Cpu cpu, String message) {
        ctx.reporter().report(invariant, cpu, message, ctx.events().about(cpu.id, -1));
    }
}
