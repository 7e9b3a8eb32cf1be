package dev.tk86.kernel.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error format: file:line:col: message, the offending line, a caret (issue 3, "Front end"). */
class DiagnosticTest {
    @Test
    void rendersTheLineAndACaretUnderTheColumn() {
        SourceFile f = new SourceFile("kern/kern_exit.tk", "fn f() {\n    return a + b;\n}\n");
        Diagnostic d = new Diagnostic(new Pos(f, 2, 14), "mismatched operand types u64 and i32 for operator +");
        assertEquals("kern/kern_exit.tk:2:14: mismatched operand types u64 and i32 for operator +\n"
                + "    return a + b;\n"
                + "             ^", d.render());
    }

    @Test
    void tabsAreKeptSoTheCaretLinesUp() {
        SourceFile f = new SourceFile("a.tk", "\t\tx = 1;\r\n");
        assertEquals("a.tk:1:5: m\n\t\tx = 1;\n\t\t  ^", new Diagnostic(new Pos(f, 1, 5), "m").render());
    }

    @Test
    void collectorSortsByFileLineColumnAndDropsDuplicates() {
        SourceFile a = new SourceFile("a.tk", "x\ny\n");
        SourceFile b = new SourceFile("b.tk", "z\n");
        Diagnostics ds = new Diagnostics();
        ds.error(new Pos(b, 1, 1), "third");
        ds.error(new Pos(a, 2, 1), "second");
        ds.error(new Pos(a, 1, 1), "first");
        ds.error(new Pos(a, 1, 1), "first");
        assertEquals(List.of("a.tk:1:1: first", "a.tk:2:1: second", "b.tk:1:1: third"),
                ds.sorted().stream().map(Diagnostic::headline).toList());
        assertEquals(3, ds.count());
        assertEquals(true, ds.render().endsWith("3 errors"));
    }

    @Test
    void errorsWithoutASourcePositionHaveNoCaret() {
        assertEquals("<options>: option 'X' is enabled but not declared", new Diagnostic(Pos.NONE, "option 'X' is enabled but not declared").render());
    }
}
