package dev.tk86.kernel.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedProgram;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Sites (docs/tkl.md, "Execution model"): site 0 is the prologue, every statement starts a
 * site, a call ends its step and the rest of the statement resumes at the return site right
 * after it, values that live across a call go to frame temporaries, and the numbering is a
 * pure function of the checked program.
 */
class LoweringTest {
    static LoweredProgram lower(String src) throws Exception {
        CheckedProgram p = Frontend.compileOrThrow(List.of(new SourceFile("t.tk", src)), Options.none());
        return Lowering.lower(p);
    }

    /** "site kind terminator" per step, e.g. {@code 1 STATEMENT call}. */
    static List<String> shape(LoweredFunction f) {
        List<String> out = new ArrayList<>();
        for (Step s : f.steps()) {
            Terminator t = s.terminator();
            String term = t instanceof Terminator.Goto g ? "goto " + g.target().site()
                    : t instanceof Terminator.Branch b ? "branch " + b.ifTrue().site() + "/" + b.ifFalse().site()
                    : t instanceof Terminator.Call ? "call"
                    : t instanceof Terminator.Return ? "return"
                    : t instanceof Terminator.Panic ? "panic" : "unreachable";
            StringBuilder a = new StringBuilder();
            for (Action x : s.actions()) a.append(x.getClass().getSimpleName().toLowerCase()).append(' ');
            out.add(s.site() + " " + s.kind() + " " + a + term);
        }
        return out;
    }

    static final String CALLS = """
            fn f(a: u64) -> u64 { return a; }
            fn g(b: u64) -> u64 { return b; }
            fn h(a: u64, b: u64) -> u64 {
                let x: u64 = 0;
                x = f(a) + g(b);
                return x;
            }
            """;

    @Test
    void aCallEndsTheStepAndTheStatementResumesAtTheReturnSite() throws Exception {
        LoweredFunction h = lower(CALLS).function("h").orElseThrow();
        assertEquals(List.of(
                "0 ENTRY goto 1",
                "1 STATEMENT store goto 2",
                "2 STATEMENT call",
                "3 RETURN_SITE settemp call",
                "4 RETURN_SITE store goto 5",
                "5 STATEMENT return"), shape(h));
        assertEquals(6, h.siteCount());
        FrameSlot t0 = h.slots().stream().filter(s -> s.kind() == FrameSlot.Kind.TEMP).findFirst().orElseThrow();
        assertEquals("$t0", t0.name());
        assertEquals(-40, t0.offset(), "below the locals a, b, x (24 bytes, which the checker's frame rounds to 32)");
        assertEquals(48, h.frameSize(), "rsp stays 16-byte aligned");
    }

    @Test
    void loopsJumpBackToTheirConditionAndBreakAndContinueAreStatements() throws Exception {
        LoweredFunction f = lower("""
                fn f(n: u32) -> u32 {
                    let s: u32 = 0;
                    for let i: u32 = 0; i < n; i += 1 {
                        if i == 3 {
                            continue;
                        }
                        if i == 7 {
                            break;
                        }
                        s += i;
                    }
                    while s > 100 {
                    }
                    return s;
                }
                """).function("f").orElseThrow();
        assertEquals(List.of(
                "0 ENTRY goto 1",
                "1 STATEMENT store goto 2",
                "2 STATEMENT store goto 3",
                "3 STATEMENT branch 4/10",
                "4 STATEMENT branch 5/6",
                "5 STATEMENT goto 9",
                "6 STATEMENT branch 7/8",
                "7 STATEMENT goto 10",
                "8 STATEMENT compound goto 9",
                "9 STATEMENT compound goto 3",
                "10 STATEMENT branch 10/11",
                "11 STATEMENT return"), shape(f));
    }

    @Test
    void aShortCircuitWhoseRightSideCallsBranchesOverItsSteps() throws Exception {
        LoweredFunction f = lower("""
                fn p(x: u64) -> bool { return x > 2; }
                fn f(x: u64) -> u64 {
                    if x != 0 && p(x) {
                        return 1;
                    }
                    return 0;
                }
                """).function("f").orElseThrow();
        assertEquals(List.of(
                "0 ENTRY goto 1",
                "1 STATEMENT settemp branch 2/4",
                "2 CONTINUATION call",
                "3 RETURN_SITE settemp goto 4",
                "4 JOIN branch 5/6",
                "5 STATEMENT return",
                "6 STATEMENT return"), shape(f));
    }

    @Test
    void aVoidFunctionWhoseEndIsReachableGetsAnImplicitReturnSite() throws Exception {
        LoweredProgram p = lower("""
                var n: u64;
                fn tick() {
                    n += 1;
                }
                fn empty() {
                }
                """);
        assertEquals(List.of("0 ENTRY goto 1", "1 STATEMENT compound goto 2", "2 END return"), shape(p.function("tick").orElseThrow()));
        assertEquals(List.of("0 ENTRY goto 1", "1 END return"), shape(p.function("empty").orElseThrow()));
    }

    @Test
    void everyCallIsFollowedByItsReturnSite() throws Exception {
        for (String name : List.of("structs", "loops", "recursion", "fnptr", "printf", "globals")) {
            String src = new String(getClass().getResourceAsStream("/tklrt/golden/" + name + ".tk").readAllBytes());
            for (LoweredFunction f : lower(src).functions()) {
                for (Step s : f.steps()) {
                    if (s.terminator() instanceof Terminator.Call) {
                        assertEquals(StepKind.RETURN_SITE, f.steps().get(s.site() + 1).kind(), f.name() + " site " + s.site());
                    }
                }
            }
        }
    }

    @Test
    void siteNumberingIsAPureFunctionOfTheProgram() throws Exception {
        String src = new String(getClass().getResourceAsStream("/tklrt/golden/structs.tk").readAllBytes());
        LoweredProgram a = lower(src), b = lower(src);
        assertEquals(a.functions().size(), b.functions().size());
        for (int i = 0; i < a.functions().size(); i++) {
            assertEquals(shape(a.functions().get(i)), shape(b.functions().get(i)));
            assertEquals(a.functions().get(i).frameSize(), b.functions().get(i).frameSize());
        }
        assertTrue(a.referencedSymbols().containsAll(java.util.Set.of("nodes", "head", "sum_list", "area")));
    }
}
