package dev.tk86.kernel.lower;

import dev.tk86.kernel.typed.CheckedProgram;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A checked program split into sites. The lowering is a pure function of the checked program,
 * so the image build (which reserves the sites) and the loader (which runs them) always agree.
 */
public record LoweredProgram(CheckedProgram program, List<LoweredFunction> functions, List<PrintFormat> formats) {
    public Optional<LoweredFunction> function(String name) {
        return functions.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Every ELF symbol the code refers to (functions, globals, string literals), sorted. */
    public Set<String> referencedSymbols() {
        Set<String> out = new TreeSet<>();
        for (LoweredFunction f : functions) {
            out.add(f.name());
            for (Step s : f.steps()) SymbolCollector.collect(s, out);
        }
        return out;
    }
}
