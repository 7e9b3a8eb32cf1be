package dev.tk86.kernel.codegen;

import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.LoweredProgram;
import dev.tk86.kernel.runtime.CompiledFunction;
import java.util.List;
import java.util.Map;

/**
 * A TKL program compiled to JVM classes for one set of symbol addresses (which are constants
 * in the code). Shared by every machine that runs the same image: it holds no machine state.
 *
 * @param code       one instance per function, in the order of {@code lowered.functions()}
 * @param classFiles the generated class files by internal name (for checks and inspection)
 */
public record CompiledProgram(LoweredProgram lowered, Map<String, Long> addresses, List<CompiledFunction> code,
                              Map<String, byte[]> classFiles) {
    public List<LoweredFunction> functions() { return lowered.functions(); }

    /** The address of a symbol the program refers to. */
    public long address(String symbol) {
        Long a = addresses.get(symbol);
        if (a == null) throw new IllegalArgumentException("the program does not refer to '" + symbol + "'");
        return a;
    }
}
