package dev.tk86.kernel.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.typed.CheckedProgram;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SysV AMD64 psABI 3.1.2: TKL struct layouts must equal what gcc computes for the equivalent C
 * structs, so that locore.S (through assym.h), gdb and TKL agree on every offset. gcc is
 * required: without it this test fails rather than being skipped.
 */
class LayoutAgainstGccTest {
    @TempDir Path tmp;

    static String resource(String name) throws IOException {
        try (InputStream in = LayoutAgainstGccTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    /** The layouts TKL computes and the same facts printed by a gcc-built program, as comparable text. */
    static String[] compare(Path dir, CheckedProgram prog, Map<String, Long> alignAttrs) throws Exception {
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <stdint.h>\n#include <stddef.h>\n");
        c.append(CStructs.declarations(prog.structs(), alignAttrs));
        c.append("int main(void) {\n");
        StringBuilder expected = new StringBuilder();
        for (StructLayout s : prog.structs()) {
            c.append("    printf(\"%s size=%zu align=%zu\\n\", \"").append(s.name()).append("\", sizeof(struct ")
                    .append(s.name()).append("), _Alignof(struct ").append(s.name()).append("));\n");
            expected.append(s.name()).append(" size=").append(s.size()).append(" align=").append(s.align()).append('\n');
            for (FieldLayout f : s.fields()) {
                c.append("    printf(\"%s.%s offset=%zu size=%zu\\n\", \"").append(s.name()).append("\", \"")
                        .append(f.name()).append("\", offsetof(struct ").append(s.name()).append(", ").append(f.name())
                        .append("), sizeof(((struct ").append(s.name()).append(" *)0)->").append(f.name()).append("));\n");
                expected.append(s.name()).append('.').append(f.name()).append(" offset=").append(f.offset())
                        .append(" size=").append(f.size()).append('\n');
            }
        }
        c.append("    return 0;\n}\n");
        Files.writeString(dir.resolve("layout.c"), c.toString());
        run(dir, "gcc", "-std=c11", "-Wall", "-Werror", "-o", "layout", "layout.c");
        String actual = run(dir, dir.resolve("layout").toString());
        return new String[] {expected.toString(), actual};
    }

    @Test
    void structLayoutsMatchGcc() throws Exception {
        CheckedProgram prog = Frontend.compileOrThrow(
                List.of(new SourceFile("structs.tk", resource("/tkl/layout/structs.tk"))), Options.none());
        assertTrue(prog.structs().size() >= 15);
        String[] r = compare(tmp, prog, Map.of("aligned64", 64L, "field_aligned.b", 16L));
        assertEquals(r[0], r[1]);
    }

    @Test
    void kernelLikeStructsMatchGccUnderBothOptionSets() throws Exception {
        for (String[] enabled : new String[][] {{}, {"DIAGNOSTIC"}}) {
            CheckedProgram prog = Frontend.compileOrThrow(List.of(new SourceFile("proc.tk", resource("/tkl/ok/proc.tk"))),
                    Options.of(java.util.Set.of("DIAGNOSTIC"), enabled));
            Path dir = Files.createDirectories(tmp.resolve("opt" + enabled.length));
            String[] r = compare(dir, prog, Map.of("pcb", 64L));
            assertEquals(r[0], r[1]);
        }
    }

    @Test
    void cDeclaratorsCoverPointersToArraysAndFunctionPointers() {
        var arr = new dev.tk86.kernel.types.Type.Ptr(new dev.tk86.kernel.types.Type.Array(4, dev.tk86.kernel.types.Types.U32));
        assertEquals("uint32_t (*a)[4]", CStructs.decl(arr, "a"));
        var fn = new dev.tk86.kernel.types.Type.Fn(List.of(dev.tk86.kernel.types.Types.U64), dev.tk86.kernel.types.Types.VOID);
        assertEquals("void (*f)(uint64_t)", CStructs.decl(fn, "f"));
    }
}
