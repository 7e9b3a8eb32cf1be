package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.bundle.SourceTree;
import dev.tk86.kernel.diag.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The toy kernel's TKL tree (kernel/sys) passes the front end under every combination of the
 * options it declares in sys/conf/options, so no configuration can carry a latent type error.
 */
class KernelTreeTest {
    static final Path SYS = Path.of("sys");

    static Set<String> declaredOptions() throws Exception {
        Set<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(SYS.resolve("conf/options"))) {
            String l = line.replaceAll("#.*", "").trim();
            if (l.startsWith("option")) out.add(l.split("\\s+")[1]);
        }
        return out;
    }

    @Test
    void everyOptionCombinationCompiles() throws Exception {
        List<SourceFile> files = SourceTree.load(SYS);
        assertFalse(files.isEmpty(), "no .tk files under " + SYS.toAbsolutePath());
        List<String> known = new ArrayList<>(declaredOptions());
        assertTrue(known.size() <= 10, "too many options to try every combination: " + known);
        for (int mask = 0; mask < 1 << known.size(); mask++) {
            Set<String> enabled = new HashSet<>();
            for (int i = 0; i < known.size(); i++) if ((mask & 1 << i) != 0) enabled.add(known.get(i));
            Compilation c = Frontend.compile(files, new Options(new HashSet<>(known), enabled));
            assertTrue(c.ok(), "kernel/sys with " + enabled + ":\n" + c.render());
        }
    }
}
