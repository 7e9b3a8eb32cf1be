package dev.tk86.images.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration format of images/conf/README.md: what each line means, and an error naming file and line for each misuse. */
class ConfigParserTest {
    @TempDir Path dir;

    private Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static KnownOptions known(String... names) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String n : names) m.put(n, "");
        return new KnownOptions(m);
    }

    private String error(String name, String text) throws IOException {
        Path p = file(name, text);
        return assertThrows(ConfigException.class, () -> ConfigParser.parse(p)).getMessage();
    }

    @Test
    void theNameIsTheFileNameAndOptionsKeepTheirOrder() throws Exception {
        KernelConfig c = ConfigParser.parse(file("TEST", "# comment\nmachine amd64\noption B\noption A, C   # two at once\n"));
        assertEquals("TEST", c.name());
        assertEquals("amd64", c.machine());
        assertEquals(List.of("B", "A", "C"), List.copyOf(c.options()));
        assertEquals(dir.resolve("TEST") + ":3", c.optionLines().get("B"));
    }

    @Test
    void includeReadsAnotherFileAndRmoptionUndoesItsOptions() throws Exception {
        file("BASE", "machine amd64\noption DIAGNOSTIC\noption EXTRA\n");
        KernelConfig c = ConfigParser.parse(file("CHILD", "include \"BASE\"\nrmoption EXTRA\noption MORE\n"));
        assertEquals(List.of("DIAGNOSTIC", "MORE"), List.copyOf(c.options()));
    }

    @Test
    void patchLinesAreResolvedAgainstTheConfigurationsDirectory() throws Exception {
        file("fix.diff", "--- a/sys/x.tk\n+++ b/sys/x.tk\n");
        KernelConfig c = ConfigParser.parse(file("P", "machine amd64\npatch \"fix.diff\"\n"));
        assertEquals(dir.resolve("fix.diff"), c.patches().get(0).diff());
        assertEquals(dir.resolve("P") + ":2", c.patches().get(0).where());
    }

    @Test
    void theShippedConfigurationsParse() throws Exception {
        Path conf = Path.of("conf").toAbsolutePath();
        // GENERIC = REAPER (issue 8, item 9); each exit strategy comes with DIAGNOSTIC.
        KernelConfig generic = ConfigParser.parse(conf.resolve("GENERIC"));
        assertEquals(List.of("DIAGNOSTIC", "REAPER"), List.copyOf(generic.options()));
        KernelConfig purge = ConfigParser.parse(conf.resolve("PURGE"));
        assertEquals(List.of("DIAGNOSTIC", "PURGE"), List.copyOf(purge.options()));
        assertEquals(List.of(), List.copyOf(ConfigParser.parse(conf.resolve("SMOKE")).options()));
        KnownOptions tree = KnownOptions.read(Path.of("../kernel/sys"));
        generic.check(tree);
        purge.check(tree);
        assertTrue(tree.names().containsAll(List.of("DIAGNOSTIC", "REAPER", "PURGE")));
    }

    @Test
    void errorsNameTheFileAndLine() throws IOException {
        String f = dir.resolve("BAD").toString();
        assertEquals(f + ":2: unknown keyword 'options' (a line is one of: machine, option, rmoption, include, patch; # starts a comment)",
                error("BAD", "machine amd64\noptions DIAGNOSTIC\n"));
        assertEquals(f + ": no 'machine amd64' line", error("BAD", "option A\n"));
        assertEquals(f + ":1: machine 'i386' is not supported (tk86 builds amd64 kernels)", error("BAD", "machine i386\n"));
        assertEquals(f + ":1: machine takes one argument, found 2 (write: machine amd64)", error("BAD", "machine amd64 i386\n"));
        assertEquals(f + ":2: rmoption X: it is not enabled at this point", error("BAD", "machine amd64\nrmoption X\n"));
        assertEquals(f + ":2: option: '9X' is not an option name", error("BAD", "machine amd64\noption 9X\n"));
        assertEquals(f + ":2: option: an empty option name (write: option NAME[, NAME...])", error("BAD", "machine amd64\noption A,,B\n"));
        assertEquals(f + ":1: unbalanced quote in \"SMOKE", error("BAD", "include \"SMOKE\n"));
        assertTrue(error("BAD", "machine amd64\npatch \"nope.diff\"\n").startsWith(f + ":2: patch \"nope.diff\": no such file"));
        assertEquals(dir.resolve("NOPE") + ": no such configuration file", error("BAD", "include \"NOPE\"\n"));
    }

    @Test
    void anIncludeCycleIsAnError() throws IOException {
        file("A", "include \"B\"\n");
        file("B", "include \"A\"\n");
        String m = assertThrows(ConfigException.class, () -> ConfigParser.parse(dir.resolve("A"))).getMessage();
        assertEquals(dir.resolve("A") + ": included from itself (A -> B)", m);
    }

    @Test
    void aKernelNameMustBeUsableAsAFileNameAndIdent() throws IOException {
        String m = error("bad name", "machine amd64\n");
        assertTrue(m.endsWith("'bad name' is not a kernel name (letters, digits, '_', '.', '-')"), m);
    }

    @Test
    void unknownOptionsAreReportedAtTheLineThatEnabledThemWithASuggestion() throws Exception {
        KernelConfig c = ConfigParser.parse(file("K", "machine amd64\n\noption DIAGNOSTC\n"));
        String m = assertThrows(ConfigException.class, () -> c.check(known("DIAGNOSTIC", "EXIT_REAPER"))).getMessage();
        assertEquals(dir.resolve("K") + ":3: unknown option 'DIAGNOSTC' (did you mean DIAGNOSTIC?)"
                + " (the kernel tree's conf/options declares: DIAGNOSTIC, EXIT_REAPER)", m);
    }

    @Test
    void theTreesOptionFileIsCheckedToo() throws Exception {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/options"), "option A # doc\n\noption A\n");
        assertEquals("conf/options:3: option A is declared twice",
                assertThrows(ConfigException.class, () -> KnownOptions.read(dir)).getMessage());
        Files.writeString(dir.resolve("conf/options"), "flag A\n");
        assertEquals("conf/options:1: expected 'option NAME', found 'flag A'",
                assertThrows(ConfigException.class, () -> KnownOptions.read(dir)).getMessage());
        Files.writeString(dir.resolve("conf/options"), "option A  # the A option\n");
        assertEquals(Map.of("A", "the A option"), KnownOptions.read(dir).descriptions());
    }
}
