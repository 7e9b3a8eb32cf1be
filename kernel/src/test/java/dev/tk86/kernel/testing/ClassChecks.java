package dev.tk86.kernel.testing;

import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.kernel.codegen.CompiledProgram;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Runs ASM's CheckClassAdapter (structure, and bytecode verification with types resolved
 * through the test class path) over every generated class of a compiled program; every
 * TklMachine does this for the program it runs, so every test program's classes are checked.
 */
public final class ClassChecks {
    private ClassChecks() {}

    private static final Set<CompiledProgram> CHECKED = Collections.newSetFromMap(new IdentityHashMap<>());
    public static int classesChecked;

    public static synchronized void verify(CompiledProgram p) {
        if (!CHECKED.add(p)) return;
        for (Map.Entry<String, byte[]> e : p.classFiles().entrySet()) {
            StringWriter out = new StringWriter();
            CheckClassAdapter.verify(new ClassReader(e.getValue()), ClassChecks.class.getClassLoader(), false, new PrintWriter(out));
            if (!out.toString().isEmpty()) fail("generated class " + e.getKey() + " does not verify:\n" + out);
            classesChecked++;
        }
    }
}
