package dev.tk86.isa.machine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.cpu.Cpu;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The rules of the PCT schedule (Burckhardt et al., ASPLOS 2010, Algorithm 1), driven turn by
 * turn on CPUs whose progress the test plays itself.
 */
class PctSchedulerTest {
    private static final int QUANTUM = 100;

    private static Cpu[] runningCpus(int n) {
        Cpu[] cpus = new Machine(MachineConfig.defaults().withCpus(n)).cpus().toArray(Cpu[]::new);
        for (Cpu c : cpus) c.state = Cpu.State.RUNNING;
        return cpus;
    }

    private static PctScheduler scheduler(Cpu[] cpus, int depth, long horizon, long seed) {
        return new PctScheduler(cpus, new PctParameters(depth, horizon), QUANTUM, new SplittableRandom(seed));
    }

    private static int highest(int[] priority) {
        int best = 0;
        for (int i = 1; i < priority.length; i++) if (priority[i] > priority[best]) best = i;
        return best;
    }

    @Test
    void initialPrioritiesAreAPermutationOfDepthUpToDepthPlusNMinusOne() {
        for (long seed = 0; seed < 50; seed++) {
            int[] p = scheduler(runningCpus(4), 3, 1000, seed).priorities();
            int[] sorted = p.clone();
            Arrays.sort(sorted);
            assertArrayEquals(new int[] {3, 4, 5, 6}, sorted);
        }
    }

    @Test
    void depthMinusOneChangePointsAreDrawnInOneToHorizon() {
        for (long seed = 0; seed < 50; seed++) {
            long[] cp = scheduler(runningCpus(2), 5, 777, seed).changePoints();
            assertEquals(4, cp.length);
            for (int i = 0; i < cp.length; i++) {
                assertTrue(cp[i] >= 1 && cp[i] <= 777, "change point " + cp[i]);
                if (i > 0) assertTrue(cp[i] >= cp[i - 1], "sorted");
            }
        }
        assertEquals(0, scheduler(runningCpus(2), 1, 777, 0).changePoints().length, "depth 1: no change point");
    }

    @Test
    void theSameSeedDrawsTheSameScheduleAndAnotherSeedAnother() {
        String a = trace(11), b = trace(11), c = trace(12);
        assertEquals(a, b);
        assertNotEquals(a, c);
    }

    /** Plays 200 turns of 3 CPUs that never pause: which CPU ran how long, as text. */
    private static String trace(long seed) {
        Cpu[] cpus = runningCpus(3);
        PctScheduler s = scheduler(cpus, 3, 20_000, seed);
        StringBuilder t = new StringBuilder();
        long done = 0;
        for (int i = 0; i < 200; i++) {
            PctScheduler.Turn turn = s.next(done);
            turn.cpu().steps += turn.steps();
            done += turn.steps();
            t.append(turn.cpu().id).append(':').append(turn.steps()).append(' ');
        }
        return t.toString();
    }

    @Test
    void theHighestPriorityCpuRunsUntilAChangePointLowersItBelowEveryOther() {
        for (long seed = 0; seed < 20; seed++) {
            Cpu[] cpus = runningCpus(3);
            // horizon below the starvation bound (64 quanta), so only priorities decide
            PctScheduler s = scheduler(cpus, 2, 5_000, seed);
            int first = highest(s.priorities());
            long change = s.changePoints()[0];
            long done = 0;
            while (done < change) {
                PctScheduler.Turn turn = s.next(done);
                assertEquals(first, turn.cpu().id, "seed " + seed + ": before the change point at " + change);
                assertTrue(done + turn.steps() <= change, "a turn ends at the change point, not after it");
                done += turn.steps();
            }
            assertEquals(change, done, "the change happens at the drawn step");
            PctScheduler.Turn after = s.next(done);
            assertNotEquals(first, after.cpu().id, "seed " + seed + ": the CPU running at the change point drops");
            assertEquals(1, s.priorities()[first], "depth 2: the only change point lowers to depth-1 = 1");
        }
    }

    @Test
    void aCpuThatPausedIsPassedOverUntilAnotherRunsWithoutPausing() {
        Cpu[] cpus = runningCpus(2);
        PctScheduler s = scheduler(cpus, 1, 1, 5);
        int high = highest(s.priorities()), low = 1 - high;
        PctScheduler.Turn t = s.next(0);
        assertEquals(high, t.cpu().id);
        cpus[high].pauses++; // it spun on a lock
        t = s.next(t.steps());
        assertEquals(low, t.cpu().id, "the spinning CPU waits on the other one");
        t = s.next(2 * QUANTUM); // the other made progress without pausing
        assertEquals(high, t.cpu().id, "progress elsewhere: the high CPU may try again");
    }

    @Test
    void whenEveryRunnableCpuSpinsTheHighestRunsAnyway() {
        Cpu[] cpus = runningCpus(2);
        PctScheduler s = scheduler(cpus, 1, 1, 9);
        int high = highest(s.priorities()), low = 1 - high;
        s.next(0);
        cpus[high].pauses++;
        assertEquals(low, s.next(10).cpu().id);
        cpus[low].pauses++;
        assertEquals(high, s.next(20).cpu().id);
    }

    @Test
    void aRunnableCpuStarvedForSixtyFourQuantaGetsTheNextTurn() {
        Cpu[] cpus = runningCpus(2);
        PctScheduler s = scheduler(cpus, 1, 1, 3);
        int high = highest(s.priorities()), low = 1 - high;
        long done = 0;
        int lowTurns = 0;
        for (int i = 0; i < 10_000 && lowTurns == 0; i++) {
            PctScheduler.Turn t = s.next(done);
            if (t.cpu().id == low) {
                lowTurns++;
                assertTrue(done > 64L * QUANTUM, "low ran only once starved: at " + done);
                assertTrue(done <= 64L * QUANTUM + 2 * QUANTUM, "and no later than a turn after the bound: " + done);
            }
            done += t.steps();
        }
        assertEquals(1, lowTurns);
    }

    @Test
    void haltedAndParkedCpusAreNotRunnable() {
        Cpu[] cpus = runningCpus(3);
        PctScheduler s = scheduler(cpus, 1, 1, 1);
        int high = highest(s.priorities());
        cpus[high].state = Cpu.State.HALTED; // interrupts off, nothing pending
        for (Cpu c : cpus) if (c.id != high && c.id != 0) c.state = Cpu.State.PARKED;
        int only = high == 0 ? 1 : 0;
        cpus[only].state = Cpu.State.RUNNING;
        long done = 0;
        for (int i = 0; i < 20; i++) {
            PctScheduler.Turn t = s.next(done);
            assertEquals(only, t.cpu().id);
            done += t.steps();
        }
    }

    @Test
    void quantaAreDrawnFromOneToTwiceTheQuantum() {
        Cpu[] cpus = runningCpus(1);
        PctScheduler s = scheduler(cpus, 1, 1, 4);
        long done = 0, min = Long.MAX_VALUE, max = 0;
        for (int i = 0; i < 5000; i++) {
            long q = s.next(done).steps();
            min = Math.min(min, q);
            max = Math.max(max, q);
            done += q;
        }
        assertTrue(min >= 1 && min < 10, "min " + min);
        assertTrue(max <= 2 * QUANTUM && max > 2 * QUANTUM - 10, "max " + max);
    }
}
