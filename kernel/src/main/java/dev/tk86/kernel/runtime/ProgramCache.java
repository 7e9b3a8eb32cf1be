package dev.tk86.kernel.runtime;

import dev.tk86.kernel.codegen.CompiledProgram;
import dev.tk86.kernel.codegen.TklCompiler;
import dev.tk86.kernel.lower.LoweredProgram;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled programs kept within the JVM, so booting the same image again (tests, tk86 check
 * over many seeds) neither re-checks nor re-generates: front-end results by the hash of the
 * bundle bytes, generated code by that hash and the symbol addresses (constants in the code).
 * A few dozen entries, least recently used first out.
 */
final class ProgramCache {
    private static final int CAPACITY = 32;

    /** The front end's outcome for one bundle: a lowered program, or the one-line reason it is unusable. */
    record Front(LoweredProgram program, String error) {}

    private record CodeKey(String bundleHash, Map<String, Long> addresses) {}

    private static final Map<String, Front> FRONT = lru();
    private static final Map<CodeKey, CompiledProgram> CODE = lru();

    private ProgramCache() {}

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<K, V> e) { return size() > CAPACITY; }
        };
    }

    static Front front(String hash, Supplier<Front> make) {
        synchronized (FRONT) {
            Front f = FRONT.get(hash);
            if (f != null) return f;
        }
        Front f = make.get();
        synchronized (FRONT) { FRONT.put(hash, f); }
        return f;
    }

    static CompiledProgram code(String hash, LoweredProgram program, Map<String, Long> addresses) {
        CodeKey key = new CodeKey(hash, Map.copyOf(addresses));
        synchronized (CODE) {
            CompiledProgram c = CODE.get(key);
            if (c != null && c.lowered() == program) return c;
        }
        CompiledProgram c = TklCompiler.compile(program, addresses);
        synchronized (CODE) { CODE.put(key, c); }
        return c;
    }
}
