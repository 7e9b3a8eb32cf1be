package dev.tk86.images.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.images.support.Diffs;
import dev.tk86.images.support.TestBuilds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4, "Tests": {@code tk86 build --patch} is how a user tries a locore change. A patch
 * that breaks the assembly is reported with the assembler's own file:line; a patch that does
 * not apply is a clear error naming file and hunk; the user's tree is never touched; errors of
 * the other steps (TKL, cpp, ld) keep their tool's positions too.
 */
class PatchedBuildTest {
    private static final String LOCORE = "arch/amd64/amd64/locore.S";
    @TempDir Path tmp;

    private BuildException failure(String config, Path... patches) {
        return assertThrows(BuildException.class,
                () -> ImageBuild.build(TestBuilds.request(config, tmp.resolve("out.elf"), List.of(patches), null)));
    }

    @Test
    void aPatchThatBreaksLocoreReportsTheAssemblersErrorWithFileAndLine() throws IOException {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        byte[] before = Files.readAllBytes(TestBuilds.LAYOUT.tree().resolve(LOCORE));
        Path diff = Diffs.write(tmp, "break.diff", Diffs.replaceLine("sys/", LOCORE, line, "\tcall\tidt_init, %rax"));
        BuildException e = failure("SMOKE", diff);
        assertTrue(e.headline().startsWith("SMOKE: as failed on " + LOCORE + " (work directory kept: "), e.headline());
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).startsWith(LOCORE + ":" + line + ": Error: "), e.errors().get(0));
        assertTrue(Files.isDirectory(e.workDir().resolve("sys")), "the compile directory is kept after a failure");
        assertArrayEquals(before, Files.readAllBytes(TestBuilds.LAYOUT.tree().resolve(LOCORE)), "the user's tree is not modified");
    }

    @Test
    void gitStylePathsApplyToo() {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        Path diff = Diffs.write(tmp, "git.diff", Diffs.replaceLine("kernel/sys/", LOCORE, line, "\tnot_an_instruction"));
        BuildException e = failure("SMOKE", diff);
        assertEquals(List.of(LOCORE + ":" + line + ": Error: no such instruction: `not_an_instruction'"), e.errors());
    }

    @Test
    void aPatchThatDoesNotApplyNamesTheFileAndHunk() throws IOException {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        String diff = Diffs.replaceLine("sys/", LOCORE, line, "\tnop").replace("-\tcall\tidt_init", "-\tcall\tsomething_else");
        BuildException e = failure("SMOKE", Diffs.write(tmp, "stale.diff", diff));
        assertTrue(e.headline().startsWith("patch " + tmp.resolve("stale.diff") + " does not apply to the kernel tree; nothing was changed"),
                e.headline());
        assertEquals(List.of("sys/" + LOCORE + ": hunk #1 does not apply (expected near line " + (line - 3) + ")"), e.errors());
        assertFalse(Files.exists(e.workDir().resolve("sys/" + LOCORE + ".rej")));
    }

    @Test
    void aHunkWhoseContextDriftedAppliesWithFuzzAndAWarning() throws Exception {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        String diff = Diffs.replaceLine("sys/", LOCORE, line, "\tcall\tidt_init\t/* fuzzed */")
                .replace(" \tcall\tsetgsbase", " \tcall\tsetgsbase_renamed");
        BuildResult r = ImageBuild.build(TestBuilds.request("SMOKE", tmp.resolve("fuzz.elf"), List.of(Diffs.write(tmp, "fuzz.diff", diff)), null));
        assertEquals(List.of("patch " + tmp.resolve("fuzz.diff") + ": sys/" + LOCORE + ": hunk #1 applied at line " + (line - 3) + " with fuzz 2"),
                r.warnings());
    }

    @Test
    void aPatchOfAFileThatIsNotInTheTreeIsAnError() {
        String diff = "--- a/sys/kern/kern_nothing.tk\n+++ b/sys/kern/kern_nothing.tk\n@@ -1,1 +1,1 @@\n-a\n+b\n";
        BuildException e = failure("SMOKE", Diffs.write(tmp, "missing.diff", diff));
        assertEquals(List.of(tmp.resolve("missing.diff") + ":3: sys/kern/kern_nothing.tk: no such file in the kernel tree"), e.errors());
    }

    @Test
    void aFileThatIsNotADiffIsAnError() {
        BuildException e = failure("SMOKE", Diffs.write(tmp, "notes.txt", "just some text\n"));
        assertEquals("patch " + tmp.resolve("notes.txt") + ": not a unified diff (no '--- a/...' and '+++ b/...' file headers)"
                + " (work directory kept: " + e.workDir() + ")", e.headline());
    }

    @Test
    void pathsOutsideTheKernelTreeAreRefused() {
        String diff = "--- a/README.md\n+++ b/README.md\n@@ -1,1 +1,1 @@\n-a\n+b\n";
        BuildException e = failure("SMOKE", Diffs.write(tmp, "readme.diff", diff));
        assertTrue(e.headline().contains("'README.md' (after a/ or b/) is not in the kernel tree"), e.headline());
    }

    @Test
    void tklErrorsAreReportedWithFileLineAndColumn() {
        String file = "kern/init_main.tk";
        int line = Diffs.lineOf(file, "cpu_init_primary();");
        Path diff = Diffs.write(tmp, "tkl.diff", Diffs.replaceLine("sys/", file, line, "\tcpu_init_primry();"));
        BuildException e = failure("SMOKE", diff);
        assertTrue(e.headline().startsWith("SMOKE: the TKL compiler found 1 error"), e.headline());
        assertEquals(1, e.errors().size(), e.getMessage());
        assertTrue(e.errors().get(0).startsWith(file + ":" + line + ":2: "), e.errors().get(0));
        assertTrue(e.errors().get(0).contains("cpu_init_primry"), e.errors().get(0));
    }

    @Test
    void cppErrorsKeepTheirFileAndLine() {
        int line = Diffs.lineOf(LOCORE, "#include <machine/asm.h>");
        Path diff = Diffs.write(tmp, "cpp.diff", Diffs.replaceLine("sys/", LOCORE, line, "#include <machine/nothing.h>"));
        BuildException e = failure("SMOKE", diff);
        assertEquals(List.of(LOCORE + ":" + line + ":10: error: machine/nothing.h: No such file or directory"), e.errors());
    }

    @Test
    void linkErrorsNameTheMissingSymbol() {
        int line = Diffs.lineOf(LOCORE, "call\tmain");
        Path diff = Diffs.write(tmp, "ld.diff", Diffs.replaceLine("sys/", LOCORE, line, "\tcall\tmain_missing"));
        BuildException e = failure("SMOKE", diff);
        assertTrue(e.headline().startsWith("SMOKE: ld failed"), e.headline());
        assertEquals(List.of(LOCORE + ":" + line + ": undefined reference to `main_missing' (in function `start')"), e.errors());
    }

    @Test
    void aPatchThatFixesWhatAnotherBrokeBuilds() throws Exception {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        Path a = Diffs.write(tmp, "a.diff", Diffs.replaceLine("sys/", LOCORE, line, "\tcall\tidt_init\t/* patched */"));
        BuildResult r = ImageBuild.build(TestBuilds.request("SMOKE", tmp.resolve("patched.elf"), List.of(a), null));
        assertTrue(Files.size(r.image()) > 0);
        assertEquals(null, r.workDir(), "a temporary compile directory is removed after a successful build");
    }

    @Test
    void aConfigurationsOwnPatchLinesApplyBeforeTheCommandLines() throws IOException {
        int line = Diffs.lineOf(LOCORE, "call\tidt_init");
        Diffs.write(tmp, "own.diff", Diffs.replaceLine("sys/", LOCORE, line, "\tbroken_by_the_config"));
        Files.writeString(tmp.resolve("PATCHED"), "include \"" + TestBuilds.LAYOUT.confDir().resolve("SMOKE") + "\"\npatch \"own.diff\"\n");
        BuildException e = assertThrows(BuildException.class, () -> ImageBuild.build(new BuildRequest(tmp.resolve("PATCHED"),
                TestBuilds.LAYOUT.tree(), TestBuilds.LAYOUT.ldScript(), tmp.resolve("p.elf"), List.of(), null)));
        assertEquals(List.of(LOCORE + ":" + line + ": Error: no such instruction: `broken_by_the_config'"), e.errors());
    }

    @Test
    void anUnknownOptionIsReportedAtItsConfigurationLine() throws IOException {
        Files.writeString(tmp.resolve("TYPO"), "machine amd64\noption DIAGNOSTC\n");
        BuildException e = assertThrows(BuildException.class, () -> ImageBuild.build(new BuildRequest(tmp.resolve("TYPO"),
                TestBuilds.LAYOUT.tree(), TestBuilds.LAYOUT.ldScript(), tmp.resolve("t.elf"), List.of(), null)));
        assertTrue(e.headline().startsWith(tmp.resolve("TYPO") + ":2: unknown option 'DIAGNOSTC' (did you mean DIAGNOSTIC?)"), e.headline());
    }

    @Test
    void buildsAreReproducible() throws Exception {
        BuildResult a = ImageBuild.build(TestBuilds.request("GENERIC", tmp.resolve("a.elf"), List.of(), null));
        BuildResult b = ImageBuild.build(TestBuilds.request("GENERIC", tmp.resolve("b.elf"), List.of(), tmp.resolve("work")));
        assertArrayEquals(Files.readAllBytes(a.image()), Files.readAllBytes(b.image()));
    }
}
