package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Tests": {@code tk86 build CONFIG [-o FILE] [--patch DIFF]}. The image it writes
 * boots; a patch that breaks locore's assembly is reported with the assembler's file and line,
 * one error per line after a headline; a patch that does not apply is a clear error.
 */
@Timeout(300)
class BuildCommandTest {
    private static final String LOCORE = "arch/amd64/amd64/locore.S";
    @TempDir Path tmp;

    private static int lineOf(String file, String text) throws Exception {
        List<String> lines = Files.readAllLines(TestImages.LAYOUT.tree().resolve(file));
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text);
    }

    @Test
    void buildWritesABootableImage() {
        Path out = tmp.resolve("smoke.elf");
        Cli.Outcome o = Cli.run("build", "SMOKE", "-o", out.toString());
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().startsWith("tk86: built SMOKE -> " + out.toAbsolutePath() + " ("), o.out());
        Cli.Outcome boot = Cli.run("boot", out.toString(), "--cpus", "2");
        assertEquals(0, boot.status(), boot::toString);
    }

    @Test
    void aPatchThatBreaksLocoreReportsTheAssemblerErrorWithFileAndLine() throws Exception {
        int line = lineOf(LOCORE, "lidt\tidt_region(%rip)");
        Path diff = Files.writeString(tmp.resolve("break.diff"), TestImages.diff(LOCORE, "lidt\tidt_region(%rip)", "\tlidt\t%rax"));
        Cli.Outcome o = Cli.run("build", "SMOKE", "-o", tmp.resolve("x.elf").toString(), "--patch", diff.toString());
        assertEquals(1, o.status(), o::toString);
        List<String> lines = o.err().lines().toList();
        assertEquals(2, lines.size(), o.err());
        assertTrue(lines.get(0).startsWith("tk86: build SMOKE: SMOKE: as failed on " + LOCORE + " (work directory kept: "), lines.get(0));
        assertTrue(lines.get(1).startsWith(LOCORE + ":" + line + ": Error: "), lines.get(1));
        assertTrue(!Files.exists(tmp.resolve("x.elf")), "no image is written when the build fails");
    }

    @Test
    void aPatchThatDoesNotApplyIsAClearError() throws Exception {
        String diff = TestImages.diff(LOCORE, "lidt\tidt_region(%rip)", "\tnop").replace("-\tlidt\tidt_region(%rip)", "-\tlidt\tother(%rip)");
        Path p = Files.writeString(tmp.resolve("stale.diff"), diff);
        Cli.Outcome o = Cli.run("build", "SMOKE", "-o", tmp.resolve("y.elf").toString(), "--patch", p.toString());
        assertEquals(1, o.status(), o::toString);
        List<String> lines = o.err().lines().toList();
        assertTrue(lines.get(0).startsWith("tk86: build SMOKE: patch " + p + " does not apply to the kernel tree; nothing was changed"), o.err());
        assertTrue(lines.get(1).matches("sys/" + LOCORE + ": hunk #1 does not apply \\(expected near line \\d+\\)"), o.err());
    }

    @Test
    void anUnknownConfigurationIsAnError() {
        Cli.Outcome o = Cli.run("build", "NOSUCHKERNEL", "-o", tmp.resolve("z.elf").toString());
        assertEquals(1, o.status(), o::toString);
        assertEquals("tk86: build NOSUCHKERNEL: " + TestImages.LAYOUT.confDir().resolve("NOSUCHKERNEL") + ": no such configuration file\n", o.err());
    }

    @Test
    void aMissingPatchFileIsReported() {
        Cli.Outcome o = Cli.run("build", "SMOKE", "-o", tmp.resolve("w.elf").toString(), "--patch", tmp.resolve("none.diff").toString());
        assertEquals(1, o.status(), o::toString);
        assertTrue(o.err().startsWith("tk86: build SMOKE: patch " + tmp.resolve("none.diff") + ": cannot read it"), o.err());
    }
}
