package dev.tk86.tools.monitor.pages;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.tlb.TlbEntry;
import dev.tk86.tools.monitor.Monitor;
import dev.tk86.tools.monitor.MonitorContext;
import java.util.List;

/**
 * Pages handed back to the page allocator (uvm_pagefree) must be out of every CPU's reach:
 * <ul>
 *   <li>{@code freed_ptp_cr3}: no CPU's %cr3 names a page being freed (a PML4 freed under a
 *       CPU that still walks it);</li>
 *   <li>{@code stale_tlb}: no CPU that the shootdown had to reach still translates a linear
 *       address to it (outside the direct map): every CPU for a kernel address, and for a user
 *       address the CPUs in the active set of the pmap they run on (ci_proc_pmap's PML4 is their
 *       %cr3). A CPU that left the active set (pmap_deactivate on exit) keeps stale user entries
 *       until its next %cr3 load, as OpenBSD allows: it no longer touches user memory, which
 *       {@code switch_pmap} and {@code switch_cr3} check.</li>
 * </ul>
 */
public final class FreedPageMonitor implements Monitor {
    public static final String FREED_CR3 = "freed_ptp_cr3", STALE_TLB = "stale_tlb";
    private static final long CR3_FRAME = 0x000F_FFFF_FFFF_F000L;
    /** The direct map is one PML4 slot (512 GiB) at PMAP_DIRECT_BASE. */
    private static final long DIRECT_SIZE = 1L << 39;

    private MonitorContext ctx;
    private long directBase, ciProcPmap, pmPdirpa;

    @Override public List<String> invariants() { return List.of(FREED_CR3, STALE_TLB); }

    @Override
    public boolean attach(MonitorContext c) {
        if (!c.facts().has("uvm_pagefree", "PMAP_DIRECT_BASE", "cpu_info.ci_proc_pmap", "pmap.pm_pdirpa")) return false;
        ctx = c;
        directBase = c.facts().value("PMAP_DIRECT_BASE");
        ciProcPmap = c.facts().off("cpu_info.ci_proc_pmap");
        pmPdirpa = c.facts().off("pmap.pm_pdirpa");
        c.probes().at(c.facts().addr("uvm_pagefree"), this::pageFreed);
        return true;
    }

    /** The thread {@code c} runs, with its state, for reports. */
    private String running(Cpu c) {
        if (c.gsBase == 0 || !ctx.facts().has("cpu_info.ci_curproc", "proc.p_stat")) return "no thread yet";
        long p = ctx.u64(c, c.gsBase + ctx.facts().off("cpu_info.ci_curproc"));
        return p == 0 ? "no thread" : ctx.thread(c, p) + " (p_stat " + ctx.u8(c, p + ctx.facts().off("proc.p_stat")) + ")";
    }

    /** Is {@code c} in the active set of the pmap its %cr3 holds (ci_proc_pmap names it)? */
    private boolean inActiveSet(Cpu c) {
        if (c.gsBase == 0) return false;
        long pm = ctx.u64(c, c.gsBase + ciProcPmap);
        return pm != 0 && (ctx.u64(c, pm + pmPdirpa) & CR3_FRAME) == (c.cr3 & CR3_FRAME);
    }

    private void pageFreed(Cpu cpu) {
        long pa = cpu.r[7] & CR3_FRAME;
        for (Cpu c : ctx.kernel().machine().cpus()) {
            if ((c.cr3 & CR3_FRAME) == pa && c.state != Cpu.State.PARKED) {
                ctx.reporter().report(FREED_CR3, cpu, String.format("page 0x%x is freed while cpu%d's %%cr3 (0x%x) names it; cpu%d runs %s",
                        pa, c.id, c.cr3, c.id, running(c)), ctx.events().about(c.id, -1));
                return;
            }
            for (TlbEntry e : c.mmu.tlb.entries()) {
                if (e.pageShift() != 12 || e.pa() != pa) continue;
                if (Long.compareUnsigned(e.va() - directBase, DIRECT_SIZE) < 0) continue; // the direct map keeps every page
                if (!e.global() && e.va() >= 0 && !inActiveSet(c)) continue;
                ctx.reporter().report(STALE_TLB, cpu, String.format("page 0x%x is freed while cpu%d's TLB still maps 0x%x to it; cpu%d runs %s",
                        pa, c.id, e.va(), c.id, running(c)), ctx.events().about(c.id, -1));
                return;
            }
        }
    }
}
