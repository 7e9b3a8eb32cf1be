package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.layout.StructLayout;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A whole kernel tree, checked for one option set: what the code generator, genassym and the
 * image build consume. All lists are in a stable order (file path, then position), so the
 * same sources and options always give the same program.
 */
public record CheckedProgram(
        List<SourceFile> sources,
        Set<String> options,
        List<StructLayout> structs,
        List<ConstSymbol> constants,
        List<GlobalDef> globals,
        List<GlobalVar> externVars,
        List<FunctionSymbol> externFunctions,
        List<CheckedFunction> functions,
        List<StringLiteral> strings,
        List<Assym> assyms) {

    public Optional<StructLayout> struct(String name) {
        for (StructLayout s : structs) if (s.name().equals(name)) return Optional.of(s);
        return Optional.empty();
    }

    public Optional<CheckedFunction> function(String name) {
        for (CheckedFunction f : functions) if (f.name().equals(name)) return Optional.of(f);
        return Optional.empty();
    }

    public Optional<GlobalDef> global(String name) {
        for (GlobalDef g : globals) if (g.name().equals(name)) return Optional.of(g);
        return Optional.empty();
    }

    public Optional<ConstSymbol> constant(String name) {
        for (ConstSymbol c : constants) if (c.name().equals(name)) return Optional.of(c);
        return Optional.empty();
    }

    /** Every function symbol, TKL-defined and extern, by name. */
    public Map<String, FunctionSymbol> functionSymbols() {
        Map<String, FunctionSymbol> m = new LinkedHashMap<>();
        for (CheckedFunction f : functions) m.put(f.name(), f.symbol());
        for (FunctionSymbol f : externFunctions) m.put(f.name(), f);
        return m;
    }
}
