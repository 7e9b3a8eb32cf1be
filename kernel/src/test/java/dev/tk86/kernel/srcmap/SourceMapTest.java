package dev.tk86.kernel.srcmap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.lower.FrameSlot;
import dev.tk86.kernel.lower.StepKind;
import dev.tk86.kernel.testing.Sources;
import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The source map: site address -> file:line:column and function, the frame layout of each
 * function, and the lookups a debugger needs (breakpoints on lines, the caller of a return
 * address found on the stack).
 */
class SourceMapTest {
    static final String PROGRAM = """
            fn leaf(a: u32, b: *u8) -> u32 {
                let c: u64 = 7;
                let d: [3]u16;
                return a + 1; // LEAF-RETURN
            }

            fn main() -> u64 {
                let r = leaf(1, null) + leaf(2, null); // CALLS
                return r as u64;
            }
            """;

    static TklMachine machine() { return new TklMachine(TklImage.of("sm.tk", PROGRAM).build()); }

    @Test
    void everySiteMapsToItsStatement() {
        TklMachine m = machine();
        SourceMap map = m.runtime.sourceMap();
        FunctionMap leaf = map.function("leaf").orElseThrow();
        assertEquals(m.symbol("leaf"), leaf.start());
        assertEquals(m.image.elf.symbol("leaf").size(), leaf.siteCount());
        assertEquals(StepKind.ENTRY, leaf.sites().get(0).kind());
        assertEquals(1, leaf.sites().get(0).line());
        SiteInfo ret = map.site(leaf.start() + leaf.siteCount() - 1).orElseThrow();
        assertEquals(Sources.lineOf(PROGRAM, "LEAF-RETURN"), ret.line());
        assertEquals(5, ret.column());
        assertEquals("sm.tk", ret.file());
        assertEquals("sm.tk:4:5 in leaf (site 3, statement)", map.describe(ret.address()));
        assertTrue(map.site(leaf.start() - 1).isEmpty() || !map.site(leaf.start() - 1).get().function().equals("leaf"));
    }

    @Test
    void theFrameLayoutNamesEveryParameterLocalAndTemporary() {
        SourceMap map = machine().runtime.sourceMap();
        List<FrameSlot> leaf = map.function("leaf").orElseThrow().frame();
        assertEquals(List.of("a", "b", "c", "d"), leaf.stream().map(FrameSlot::name).toList());
        assertEquals(List.of(-4L, -16L, -24L, -30L), leaf.stream().map(FrameSlot::offset).toList(),
                "each slot aligned for its type, growing down from rbp");
        assertEquals(FrameSlot.Kind.PARAM, leaf.get(0).kind());
        assertEquals(6, leaf.get(3).size());
        FunctionMap main = map.function("main").orElseThrow();
        assertTrue(main.slot("$t0").isPresent(), "leaf(1)'s result waits in a temporary during the second call");
        assertEquals(0, main.frameSize() % 16);
    }

    @Test
    void aReturnAddressMapsBackToItsCallAndLinesToBreakpointSites() {
        TklMachine m = machine();
        SourceMap map = m.runtime.sourceMap();
        FunctionMap main = map.function("main").orElseThrow();
        int calls = Sources.lineOf(PROGRAM, "// CALLS");
        List<SiteInfo> returnSites = main.sites().stream().filter(s -> s.kind() == StepKind.RETURN_SITE).toList();
        assertEquals(2, returnSites.size());
        for (SiteInfo r : returnSites) {
            SiteInfo call = map.callerSite(r.address()).orElseThrow();
            assertEquals(calls, call.line());
            assertEquals("main", call.function());
        }
        List<SiteInfo> bp = map.breakpointSites("sm.tk", calls);
        assertEquals(1, bp.size(), "one statement starts on that line");
        assertEquals(StepKind.STATEMENT, bp.get(0).kind());
        assertEquals(List.of(), map.breakpointSites("sm.tk", 6));
        assertEquals(5, m.runMain(), "leaf(1) + leaf(2)");
    }
}
