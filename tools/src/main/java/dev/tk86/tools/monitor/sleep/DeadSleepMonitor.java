package dev.tk86.tools.monitor.sleep;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.monitor.Monitor;
import dev.tk86.tools.monitor.MonitorContext;
import java.util.List;

/**
 * {@code sdead_sleep}: a thread that exit1 marked SDEAD never goes to sleep again (OpenBSD's
 * "deads don't sleep"): nothing would wake it, and its resources may be freed under it. Checked
 * at every way into a sleep (sleep_setup, cond_wait), whatever DIAGNOSTIC says.
 */
public final class DeadSleepMonitor implements Monitor {
    public static final String SDEAD_SLEEP = "sdead_sleep";

    @Override public List<String> invariants() { return List.of(SDEAD_SLEEP); }

    @Override
    public boolean attach(MonitorContext c) {
        var f = c.facts();
        if (!f.has("sleep_setup", "proc.p_stat", "cpu_info.ci_curproc", "SDEAD")) return false;
        long stat = f.off("proc.p_stat"), curproc = f.off("cpu_info.ci_curproc"), sdead = f.value("SDEAD");
        for (String fn : List.of("sleep_setup", "cond_wait")) {
            if (f.address(fn).isEmpty()) continue;
            c.probes().at(f.addr(fn), cpu -> {
                long p = c.u64(cpu, cpu.gsBase + curproc);
                if (p != 0 && c.u8(cpu, p + stat) == sdead)
                    c.reporter().report(SDEAD_SLEEP, cpu, c.thread(cpu, p) + " is SDEAD and calls " + fn, c.events().about(cpu.id, -1));
            });
        }
        return true;
    }
}
