package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "tk86 compare": the same seeds on two kernels, every counter side by side with the
 * ratio and its spread, and the chart. GENERIC is SMOKE plus DIAGNOSTIC's page-table checks,
 * so it must take more steps and TKL statements for the same work.
 */
@Timeout(300)
class CompareCommandTest {
    @TempDir Path tmp;

    @Test
    void everyCounterSideBySideWithRatioAndSpreadAndAnSvgChart() throws Exception {
        Path svg = tmp.resolve("c.svg");
        Cli.Outcome o = Cli.run("compare", TestImages.of("SMOKE").toString(), TestImages.of("GENERIC").toString(), "--seeds", "3",
                "--jobs", "2", "--chart", svg.toString());
        assertEquals(0, o.status(), o::toString);
        assertTrue(o.out().startsWith("A = SMOKE.elf, B = GENERIC.elf; workload forkexit on 2 CPUs, 3 seeds (PCT)\n"), o.out());
        Matcher m = Pattern.compile("\\nmachine\\.tkl_statements +([0-9.]+) +([0-9.]+) +([0-9.]+)  ([0-9.]+)\\.\\.([0-9.]+)\\n").matcher(o.out());
        assertTrue(m.find(), o.out());
        double a = Double.parseDouble(m.group(1)), b = Double.parseDouble(m.group(2)), ratio = Double.parseDouble(m.group(3));
        assertTrue(b > a, "DIAGNOSTIC runs more statements: " + m.group());
        assertEquals(b / a, ratio, 0.001);
        assertTrue(Double.parseDouble(m.group(4)) <= ratio && ratio <= Double.parseDouble(m.group(5)), "the spread brackets the ratio");
        String chart = Files.readString(svg);
        assertTrue(chart.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), chart);
        assertTrue(chart.contains(">machine.tkl_statements</text>"), chart);
        assertTrue(chart.trim().endsWith("</svg>"));
    }

    @Test
    void badSidesAndOptionsAreOneLineAndStatusTwo() {
        for (String[] args : new String[][] {
                {"compare", "NOSUCH", TestImages.of("SMOKE").toString()},
                {"compare", TestImages.of("SMOKE").toString(), TestImages.of("SMOKE").toString(), "--seeds", "0"}}) {
            Cli.Outcome o = Cli.run(args);
            assertEquals(2, o.status(), o::toString);
            assertEquals(1, o.err().strip().lines().count(), o.err());
        }
    }
}
