package dev.tk86.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedProgram;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The struct layouts of the runtime's golden programs (src/test/resources/tklrt/golden),
 * whose offsets the generated code uses for every field access, equal gcc's for the same C
 * structs (SysV AMD64 psABI 3.1.2), under each option set a program is run with. Reuses
 * LayoutAgainstGccTest's comparison.
 */
class GoldenLayoutsAgainstGccTest {
    @TempDir Path tmp;

    @ParameterizedTest(name = "{0} with options [{1}]")
    @CsvSource({"structs,''", "fnptr,''", "globals,''", "options,''", "options,DIAGNOSTIC"})
    void goldenProgramLayoutsMatchGcc(String name, String enabled) throws Exception {
        String src = LayoutAgainstGccTest.resource("/tklrt/golden/" + name + ".tk");
        Set<String> on = enabled.isEmpty() ? Set.of() : Set.of(enabled.split(" "));
        CheckedProgram prog = Frontend.compileOrThrow(List.of(new SourceFile(name + ".tk", src)),
                new Options(Set.of("DIAGNOSTIC", "REAPER"), on));
        assertFalse(prog.structs().isEmpty());
        String[] r = LayoutAgainstGccTest.compare(tmp, prog, Map.of());
        assertEquals(r[0], r[1]);
    }
}
