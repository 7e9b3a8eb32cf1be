package dev.tk86.tools.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.isa.machine.PctParameters;
import dev.tk86.isa.machine.Schedule;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.check.ImageSource;
import dev.tk86.tools.check.Invariants;
import dev.tk86.tools.check.RunExecution;
import dev.tk86.tools.check.RunSpec;
import dev.tk86.tools.check.RunVerdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 11, "Each locore mutant is caught within 500 seeds, by the invariant it breaks": every
 * diff under images/mutants/ names its invariant on a "Caught by:" line; applied to REAPER, a
 * run of forkexit on 2 CPUs must break that invariant within 500 seeds (only it is reported).
 */
@Timeout(1800)
class LocoreMutantsTest {
    @BeforeAll
    static void theRealKernelIsInTheTree() {
        assumeTrue(Files.isDirectory(TestImages.LAYOUT.root().resolve("images/mutants")) && Files.isRegularFile(TestImages.LAYOUT.config("REAPER")), "the mutants are diffs of the real kernel's locore (issue 8)");
    }

    private static final int SEEDS = 500;

    static Stream<Path> mutants() throws IOException {
        try (Stream<Path> s = Files.list(TestImages.LAYOUT.root().resolve("images/mutants"))) {
            return s.filter(p -> p.toString().endsWith(".diff")).sorted().toList().stream();
        }
    }

    private static String caughtBy(Path diff) throws IOException {
        for (String l : Files.readAllLines(diff)) if (l.startsWith("Caught by: ")) return l.substring("Caught by: ".length()).strip();
        throw new AssertionError(diff + " has no 'Caught by:' line");
    }

    @Test
    void thereAreAtLeastEightMutantsEachNamingAKnownInvariant() throws IOException {
        List<Path> all = mutants().toList();
        assertTrue(all.size() >= 8, "mutants: " + all);
        for (Path p : all) assertTrue(Invariants.all().contains(caughtBy(p)), p + " names " + caughtBy(p));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mutants")
    void eachMutantIsCaughtWithin500SeedsByTheInvariantItBreaks(Path diff) throws IOException {
        String invariant = caughtBy(diff);
        ImageSource kernel = new ImageSource.Configured("REAPER", List.of(diff));
        Path image = kernel.image();
        for (long seed = 0; seed < SEEDS; seed++) {
            MachineConfig m = MachineConfig.defaults().withCpus(2).withQuantum(200).withSchedule(Schedule.PCT, seed)
                    .withPct(new PctParameters(3, 1_000_000));
            RunVerdict v = RunExecution.run(image, RunSpec.of(kernel, m, "forkexit", 50_000_000L), Set.of(invariant), b -> { }).verdict();
            if (!v.clean()) {
                assertEquals(invariant, v.invariant(), v::text);
                return;
            }
        }
        throw new AssertionError(diff.getFileName() + ": " + invariant + " not broken in " + SEEDS + " seeds");
    }
}
