package dev.tk86.kernel.codegen;

import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.LoweredProgram;
import dev.tk86.kernel.runtime.CompiledFunction;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Compiles a lowered program to JVM classes with ASM, for known symbol addresses. */
public final class TklCompiler {
    private TklCompiler() {}

    /**
     * @param addresses every symbol of {@link LoweredProgram#referencedSymbols()}; a missing
     *                  one is an IllegalArgumentException (the binder reports them first)
     */
    public static CompiledProgram compile(LoweredProgram program, Map<String, Long> addresses) {
        Set<String> needed = program.referencedSymbols();
        List<String> missing = needed.stream().filter(s -> !addresses.containsKey(s)).toList();
        if (!missing.isEmpty()) throw new IllegalArgumentException("no address for " + String.join(", ", missing));
        Map<String, Long> used = new TreeMap<>();
        for (String s : needed) used.put(s, addresses.get(s));
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (LoweredFunction f : program.functions()) files.put(FunctionClassWriter.className(f), FunctionClassWriter.write(f, used));
        ProgramClassLoader loader = new ProgramClassLoader(CompiledFunction.class.getClassLoader());
        List<CompiledFunction> code = new ArrayList<>();
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
            try {
                code.add((CompiledFunction) loader.define(e.getKey(), e.getValue()).getDeclaredConstructor().newInstance());
            } catch (InstantiationException | IllegalAccessException | NoSuchMethodException | InvocationTargetException x) {
                throw new IllegalStateException("generated class " + e.getKey() + " cannot be instantiated", x);
            }
        }
        return new CompiledProgram(program, Map.copyOf(used), List.copyOf(code), java.util.Collections.unmodifiableMap(files));
    }
}
