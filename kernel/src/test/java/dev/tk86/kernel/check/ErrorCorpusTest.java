package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.diag.SourceFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or ill-typed program in tkl/errors.tkt gives exactly the listed errors, each
 * with its line and column (issue 3: "at least 40 malformed or ill-typed programs, each with
 * its expected message and position"). Case format:
 *
 * <pre>
 * ### name of the rule
 * %%% enabled: DIAGNOSTIC          (optional; known options are DIAGNOSTIC, MULTIPROCESSOR, EXIT_REAPER)
 * source lines...
 * >>> line:col: message           (one per expected error, in file order)
 * </pre>
 */
class ErrorCorpusTest {
    static final Set<String> KNOWN = Set.of("DIAGNOSTIC", "MULTIPROCESSOR", "EXIT_REAPER");

    record Case(String name, Set<String> enabled, String source, List<String> expected) {
        @Override public String toString() { return name; }
    }

    static List<Case> cases() throws IOException {
        String text;
        try (InputStream in = ErrorCorpusTest.class.getResourceAsStream("/tkl/errors.tkt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<Case> out = new ArrayList<>();
        String name = null;
        Set<String> enabled = Set.of();
        StringBuilder src = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (String line : (text + "\n### end").split("\n", -1)) {
            if (line.startsWith("### ")) {
                if (name != null) out.add(new Case(name, enabled, src.toString(), List.copyOf(expected)));
                name = line.substring(4).trim();
                enabled = Set.of();
                src.setLength(0);
                expected.clear();
            } else if (line.startsWith("%%% enabled:")) {
                enabled = Set.of(line.substring(12).trim().split("\\s+"));
            } else if (line.startsWith(">>> ")) {
                expected.add(line.substring(4));
            } else if (name != null) {
                src.append(line).append('\n');
            }
        }
        return out;
    }

    static Stream<Arguments> corpus() throws IOException {
        return cases().stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reportsExactlyTheExpectedErrors(Case c) {
        assertFalse(c.expected().isEmpty(), "case without expectations: " + c.name());
        Compilation r = Frontend.compile(List.of(new SourceFile("case.tk", c.source())), new Options(KNOWN, c.enabled()));
        List<String> actual = new ArrayList<>();
        for (Diagnostic d : r.errors()) {
            assertEquals("case.tk", d.path());
            actual.add(d.line() + ":" + d.col() + ": " + d.message());
        }
        assertEquals(String.join("\n", c.expected()), String.join("\n", actual), c.name());
    }

    @org.junit.jupiter.api.Test
    void corpusHasAtLeastFortyCases() throws IOException {
        org.junit.jupiter.api.Assertions.assertTrue(cases().size() >= 40, "only " + cases().size() + " cases");
    }
}
