package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 7: the project stands on its own. A copy of the checkout's files (what git tracks, plus
 * new files not yet committed, never build output) in a fresh temporary folder, with no
 * sibling {@code shared/} and nothing else around it, must build through its own launcher,
 * boot the default image and run {@code bench isa}, as a user who cloned tk86 alone would.
 */
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class StandaloneCheckoutTest {
    private static Path outer, copy;
    /** The copied files, relative to the copy (the checkout's own, before anything is built). */
    private static final List<String> copied = new ArrayList<>();

    @BeforeAll
    static void copyTheCheckout() throws IOException, InterruptedException {
        Path root = Path.of("").toAbsolutePath().getParent(); // tests run in tools/
        assertTrue(Files.isExecutable(root.resolve("tk86")), "the checkout's launcher at " + root);
        outer = Files.createTempDirectory("tk86-standalone");
        copy = outer.resolve("tk86");
        Process git = new ProcessBuilder("git", "ls-files", "-z", "--cached", "--others", "--exclude-standard")
                .directory(root.toFile()).redirectErrorStream(true).start();
        String listing = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, git.waitFor(), () -> "git ls-files: " + listing);
        int files = 0;
        for (String f : listing.split("\0")) {
            Path from = root.resolve(f);
            if (f.isEmpty() || !Files.isRegularFile(from)) continue; // a file deleted but not yet committed
            Path to = copy.resolve(f);
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.COPY_ATTRIBUTES);
            copied.add(f);
            files++;
        }
        assertTrue(files > 100, "copied " + files + " files");
        assertFalse(Files.exists(outer.resolve("shared")), "no sibling shared/");
    }

    @AfterAll
    static void removeTheCopy() throws IOException {
        if (outer == null) return;
        try (Stream<Path> all = Files.walk(outer)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private record Run(int status, String out) { }

    private static Run launcher(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(copy.resolve("tk86").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(copy.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out);
    }

    @Test
    void noFileOfTheCheckoutPointsAtASiblingFolderOfDesignNotes() throws IOException {
        String sibling = "shared"; // split so that this file does not match itself
        List<String> offenders = new ArrayList<>();
        for (String f : copied) {
            String text = new String(Files.readAllBytes(copy.resolve(f)), StandardCharsets.ISO_8859_1);
            if (text.contains("../" + sibling) || text.contains("/work/" + sibling)) offenders.add(f);
        }
        assertEquals(List.of(), offenders, "a clone of tk86 has no ../" + sibling);
    }

    @Test
    void aLoneCopyBuildsBootsTheDefaultImageAndRunsTheIsaBenchmark() throws IOException, InterruptedException {
        Run boot = launcher("boot");
        assertEquals(0, boot.status(), boot.out());
        assertTrue(boot.out().contains("powered off"), boot.out());
        assertTrue(Files.isRegularFile(copy.resolve("images/target/images/GENERIC.elf")), "the default image was built in the copy");

        Run bench = launcher("bench", "isa", "--json", "--iterations-scale", "0.0005", "--runs", "1", "--warmups", "1");
        assertEquals(0, bench.status(), bench.out());
        String json = bench.out().lines().filter(l -> l.startsWith("{")).findFirst().orElse("");
        assertTrue(json.matches("\\{\"alu_mips\":[0-9.]+,\"mem_mips\":[0-9.]+,\"switch_mips\":[0-9.]+,\"swcr3_mips\":[0-9.]+}"), bench.out());
    }
}
