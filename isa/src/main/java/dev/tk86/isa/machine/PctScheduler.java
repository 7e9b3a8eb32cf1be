package dev.tk86.isa.machine;

import dev.tk86.isa.cpu.Cpu;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks the next turn of a PCT schedule. Everything is drawn from the machine's random source
 * at construction and at each turn, so a run is a function of the seed.
 *
 * <p>The paper's threads block; CPUs spin. Three adaptations keep a kernel live without giving
 * up priority order:
 * <ul>
 *   <li>a CPU that executed {@code pause} during its turn is waiting on another CPU: until some
 *       CPU runs a turn without pausing, it is passed over (as a blocked thread would be), as SKI
 *       (Fonseca et al., OSDI 2014) does with its spin detection;</li>
 *   <li>a halted CPU is not runnable; the machine lets its clock follow the running CPUs so its
 *       timer still fires (see {@link Machine});</li>
 *   <li>a runnable CPU that has not had a turn while the others ran {@link #starvationBound}
 *       steps gets the next one, so a spin loop without {@code pause} ends; between such turns
 *       priorities decide.</li>
 * </ul>
 * Turns end exactly at the change points, so a change takes effect at the drawn step.
 */
final class PctScheduler {
    /** A CPU and how many steps it may run. */
    record Turn(Cpu cpu, long steps) { }

    private final Cpu[] cpus;
    private final SplittableRandom random;
    private final int quantum;
    private final long starvationBound;
    /** Larger runs first; initial priorities are depth .. depth+n-1. */
    private final int[] priority;
    private final long[] changePoints;
    private int changesMade;
    private final boolean[] spinning;
    private final long[] lastTurnAt;
    private Cpu current;
    private long pausesAtTurnStart;

    PctScheduler(Cpu[] cpus, PctParameters p, int quantum, SplittableRandom random) {
        this.cpus = cpus;
        this.random = random;
        this.quantum = quantum;
        this.starvationBound = 64L * quantum;
        int n = cpus.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i]; order[i] = order[j]; order[j] = t;
        }
        priority = new int[n];
        for (int i = 0; i < n; i++) priority[order[i]] = p.depth() + i;
        changePoints = new long[p.depth() - 1];
        for (int i = 0; i < changePoints.length; i++) changePoints[i] = 1 + random.nextLong(p.horizon());
        Arrays.sort(changePoints);
        spinning = new boolean[n];
        lastTurnAt = new long[n];
    }

    /** The priority of each CPU now (a copy), for tests and traces. */
    int[] priorities() { return priority.clone(); }

    /** The steps (machine totals) at which priorities change, in order. */
    long[] changePoints() { return changePoints.clone(); }

    /**
     * The next turn, given the machine's total steps so far. Returns null if no CPU can run.
     */
    Turn next(long done) {
        if (current != null) {
            boolean paused = current.pauses != pausesAtTurnStart;
            if (paused) spinning[current.id] = true;
            else Arrays.fill(spinning, false);
            // The CPU that was running at a change point drops below every other priority.
            while (changesMade < changePoints.length && done >= changePoints[changesMade]) {
                changesMade++;
                priority[current.id] = changePoints.length + 1 - changesMade;
            }
        }
        Cpu pick = starved(done);
        if (pick == null) pick = highest(true);
        if (pick == null) { Arrays.fill(spinning, false); pick = highest(false); }
        if (pick == null) return null;
        long q = 1 + random.nextInt(2 * quantum);
        if (changesMade < changePoints.length) q = Math.min(q, changePoints[changesMade] - done);
        current = pick;
        pausesAtTurnStart = pick.pauses;
        lastTurnAt[pick.id] = done;
        return new Turn(pick, Math.max(1, q));
    }

    private Cpu starved(long done) {
        Cpu worst = null;
        long lag = starvationBound;
        for (Cpu c : cpus) {
            if (!Machine.canRun(c)) { lastTurnAt[c.id] = done; continue; }
            long l = done - lastTurnAt[c.id];
            if (l > lag) { lag = l; worst = c; }
        }
        return worst;
    }

    private Cpu highest(boolean skipSpinning) {
        Cpu best = null;
        for (Cpu c : cpus) {
            if (!Machine.canRun(c) || (skipSpinning && spinning[c.id])) continue;
            if (best == null || priority[c.id] > priority[best.id]) best = c;
        }
        return best;
    }
}
