package dev.tk86.tools.monitor;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.exec.StepHook;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The monitors' view of execution: code at given addresses (a function's entry, an instruction
 * after a label), and every step for the few checks that need it. One step hook serves every
 * monitor, and the run gets none at all when no monitor attached, so monitors cost nothing when
 * they are off.
 */
public final class Probes {
    /** Called before the step at the probe's address executes. */
    @FunctionalInterface
    public interface Probe { void hit(Cpu cpu); }

    private long[] addresses = new long[0];
    private final List<List<Probe>> atAddress = new ArrayList<>();
    private final List<Probe> everyStep = new ArrayList<>();
    private long lowest = Long.MAX_VALUE, highest = Long.MIN_VALUE;

    /** {@code p} runs whenever a CPU is about to execute the step at virtual address {@code rip}. */
    public void at(long rip, Probe p) {
        int i = Arrays.binarySearch(addresses, rip);
        if (i < 0) {
            i = -i - 1;
            long[] a = new long[addresses.length + 1];
            System.arraycopy(addresses, 0, a, 0, i);
            a[i] = rip;
            System.arraycopy(addresses, i, a, i + 1, addresses.length - i);
            addresses = a;
            atAddress.add(i, new ArrayList<>());
        }
        atAddress.get(i).add(p);
        lowest = Math.min(lowest, rip);
        highest = Math.max(highest, rip);
    }

    /** {@code p} runs before every step of every CPU. */
    public void everyStep(Probe p) { everyStep.add(p); }

    public boolean isEmpty() { return addresses.length == 0 && everyStep.isEmpty(); }

    /**
     * The hook that runs the probes and stops the run once {@code reporter} holds a violation;
     * {@code before} (a tracer's hook, or null) runs first at every step.
     */
    public StepHook hook(Reporter reporter, StepHook before) {
        Probe[] each = everyStep.toArray(Probe[]::new);
        long[] at = addresses;
        Probe[][] byAddress = new Probe[at.length][];
        for (int i = 0; i < at.length; i++) byAddress[i] = atAddress.get(i).toArray(Probe[]::new);
        long lo = lowest, hi = highest;
        return cpu -> {
            if (before != null && !before.beforeStep(cpu)) return false;
            long rip = cpu.rip;
            if (rip >= lo && rip <= hi) {
                int i = Arrays.binarySearch(at, rip);
                if (i >= 0) for (Probe p : byAddress[i]) p.hit(cpu);
            }
            for (Probe p : each) p.hit(cpu);
            return !reporter.violated();
        };
    }
}
