package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.diag.SourceFile;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Bad input never produces a Java exception (brief: "never a Java stack trace"): thousands of
 * deterministic mutations of a real program (deleted, duplicated, swapped and replaced
 * characters and lines) either compile or give positioned diagnostics.
 */
class RobustnessTest {
    static String program() throws Exception {
        try (InputStream in = RobustnessTest.class.getResourceAsStream("/tkl/ok/proc.tk")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int n = 1 + r.nextInt(4);
        String alphabet = "{}()[];:,.*&-+<>=!~#\"'\\/0x9_az \n\tfnletifwhile@";
        for (int k = 0; k < n && sb.length() > 1; k++) {
            int i = r.nextInt(sb.length());
            switch (r.nextInt(5)) {
                case 0 -> sb.deleteCharAt(i);
                case 1 -> sb.insert(i, alphabet.charAt(r.nextInt(alphabet.length())));
                case 2 -> sb.setCharAt(i, alphabet.charAt(r.nextInt(alphabet.length())));
                case 3 -> {
                    int j = Math.min(sb.length(), i + 1 + r.nextInt(40));
                    sb.delete(i, j);
                }
                default -> {
                    int j = Math.min(sb.length(), i + 1 + r.nextInt(40));
                    sb.insert(r.nextInt(sb.length()), sb.substring(i, j));
                }
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedProgramsNeverThrow() throws Exception {
        String base = program();
        Random r = new Random(86);
        int failed = 0;
        for (int round = 0; round < 3000; round++) {
            String src = mutate(base, r);
            Compilation c = Frontend.compile(List.of(new SourceFile("m.tk", src)), Options.of(Tkl.KNOWN, "DIAGNOSTIC"));
            if (!c.ok()) {
                failed++;
                for (Diagnostic d : c.errors()) {
                    assertTrue(d.line() >= 1 && d.col() >= 1, d.headline());
                    assertFalse(d.message().isBlank());
                    assertTrue(d.render().contains("^"), d.render());
                }
            }
        }
        assertTrue(failed > 1500, "mutations should mostly break the program: " + failed);
    }

    @Test
    void pathologicalInputsGiveErrorsNotExceptions() {
        String[] inputs = {"", "\u0000", "fn", "fn f(", "struct", "struct s {", "#[", "#[if(", "const X: u8 = ;",
"fn f() {" + "{".repeat(2000) + "}".repeat(2000) + "}",
            "fn f() -> u64 { return " + "1 + ".repeat(3000) + "1; }", "var a: [0xffffffffffffffff]u8;",
            "var a: [4][0x1000000000000]u64;", "\"unterminated", "'", "fn f() { printf(\"%\"); }",
            "fn f() { let x: u8 = 'ab'; }", "struct a { x: a } struct b { y: [3]b }",
            "const A: u64 = sizeof(s); struct s { x: [A]u8 }", "fn f() -> [4]u8 {}", "extern var x: s; struct s { a: [x]u8 }"};
        for (String src : inputs) {
            Compilation c = Frontend.compile(List.of(new SourceFile("p.tk", src)), Options.none());
            if (!src.isEmpty()) assertFalse(c.ok(), "should not compile: " + src);
            for (Diagnostic d : c.errors()) assertFalse(d.render().isEmpty());
        }
    }

    /** Deep nesting is refused with an error before it can exhaust even a small thread stack. */
    @Test
    void deepNestingIsAnErrorEvenOnASmallStack() throws Exception {
        String[] deep = {"fn f() {" + "{".repeat(5000) + "}".repeat(5000) + "}",
            "fn f() -> u64 { return " + "(".repeat(5000) + "1" + ")".repeat(5000) + "; }",
            "fn f() -> u64 { return " + "1 + ".repeat(5000) + "1; }",
            "fn f() -> i64 { return " + "-".repeat(5000) + "1; }",
            "var p: " + "*".repeat(5000) + "u8;"};
        Throwable[] thrown = new Throwable[1];
        java.util.List<String> firstErrors = new java.util.ArrayList<>();
        Thread t = new Thread(null, () -> {
            try {
                for (String src : deep) {
                    Compilation c = Frontend.compile(List.of(new SourceFile("d.tk", src)), Options.none());
                    firstErrors.add(c.errors().get(0).message());
                }
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "small-stack", 512 * 1024);
        t.start();
        t.join();
        if (thrown[0] != null) throw new AssertionError("front end threw", thrown[0]);
        for (String m : firstErrors) assertTrue(m.startsWith("nesting too deep"), m);
        assertTrue(Tkl.errors("fn f() -> u64 { return " + "(".repeat(60) + "1" + ")".repeat(60) + "; }").isEmpty());
    }
}
