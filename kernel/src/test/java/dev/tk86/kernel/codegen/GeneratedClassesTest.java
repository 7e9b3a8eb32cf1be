package dev.tk86.kernel.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.check.Frontend;
import dev.tk86.kernel.check.Options;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.lower.LoweredProgram;
import dev.tk86.kernel.lower.Lowering;
import dev.tk86.kernel.testing.ClassChecks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The generated classes (ASM): every class of every golden program passes CheckClassAdapter
 * with bytecode verification; one class per function with one method per site; a function
 * with more sites than one dispatch table holds dispatches in two levels, and no method comes
 * near HotSpot's 8000-byte huge-method limit.
 */
class GeneratedClassesTest {
    static LoweredProgram lower(String src) throws Exception {
        return Lowering.lower(Frontend.compileOrThrow(List.of(new SourceFile("p.tk", src)), new Options(java.util.Set.of("DIAGNOSTIC", "REAPER"), java.util.Set.of("DIAGNOSTIC"))));
    }

    /** Any address will do for verification. */
    static Map<String, Long> addresses(LoweredProgram p) {
        Map<String, Long> a = new HashMap<>();
        long next = 0xffff_ffff_8010_0000L;
        for (String s : p.referencedSymbols()) a.put(s, next += 0x100);
        return a;
    }

    @Test
    void everyGoldenProgramsClassesVerify() throws Exception {
        int classes = 0;
        for (String name : List.of("structs", "loops", "recursion", "fnptr", "printf", "globals", "options")) {
            String src = new String(getClass().getResourceAsStream("/tklrt/golden/" + name + ".tk").readAllBytes());
            LoweredProgram p = lower(src);
            CompiledProgram c = TklCompiler.compile(p, addresses(p));
            ClassChecks.verify(c);
            assertEquals(p.functions().size(), c.classFiles().size());
            for (var f : p.functions()) {
                ClassNode n = node(c.classFiles().get("tkl/" + f.name()));
                long steps = n.methods.stream().filter(m -> m.name.matches("s\\d+(_L\\d+)?")).count();
                assertEquals(f.siteCount(), steps, f.name() + ": one method per site");
            }
            classes += c.classFiles().size();
        }
        assertTrue(classes >= 20);
    }

    @Test
    void aLargeFunctionDispatchesInTwoLevelsAndStaysUnderTheHugeMethodLimit() throws Exception {
        StringBuilder src = new StringBuilder("var g: u64;\nfn big() -> u64 {\n");
        for (int i = 0; i < 700; i++) src.append("    g += ").append(i).append(";\n");
        src.append("    return g;\n}\n");
        LoweredProgram p = lower(src.toString());
        assertEquals(702, p.functions().get(0).siteCount());
        CompiledProgram c = TklCompiler.compile(p, addresses(p));
        ClassChecks.verify(c);
        ClassNode n = node(c.classFiles().get("tkl/big"));
        assertTrue(n.methods.stream().anyMatch(m -> m.name.equals("d2")), "third dispatch chunk");
        for (MethodNode m : n.methods) assertTrue(m.instructions.size() < 4000, m.name + " is " + m.instructions.size() + " instructions");
    }

    @Test
    void theKernelTreesClassesVerifyUnderEachOption() throws Exception {
        var files = dev.tk86.kernel.bundle.SourceTree.load(java.nio.file.Path.of("sys"));
        var known = java.util.Set.of("DIAGNOSTIC", "REAPER", "PURGE");
        // The smoke kernel and the images' configurations (images/conf: SMOKE, REAPER, PURGE).
        for (var enabled : List.of(java.util.Set.<String>of(), java.util.Set.of("DIAGNOSTIC", "REAPER"),
                java.util.Set.of("DIAGNOSTIC", "PURGE"), java.util.Set.of("REAPER"))) {
            var prog = Frontend.compileOrThrow(files, new Options(known, enabled));
            LoweredProgram p = Lowering.lower(prog);
            CompiledProgram c = TklCompiler.compile(p, addresses(p));
            ClassChecks.verify(c);
            assertEquals(prog.functions().size(), c.code().size());
        }
    }

    static ClassNode node(byte[] b) {
        ClassNode n = new ClassNode();
        new ClassReader(b).accept(n, 0);
        return n;
    }
}
