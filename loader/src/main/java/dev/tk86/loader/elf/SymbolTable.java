package dev.tk86.loader.elf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image's .symtab: every symbol in file order, plus lookups by name (a global or weak
 * definition wins over a local one of the same name, as the linker saw it) and by address
 * (for backtraces and disassembly labels).
 */
public final class SymbolTable {
    private final List<Symbol> symbols;
    private final Map<String, Symbol> byName = new HashMap<>();
    private final List<Symbol> byAddress;

    public SymbolTable(List<Symbol> symbols) {
        this.symbols = List.copyOf(symbols);
        for (Symbol s : this.symbols) {
            if (s.name().isEmpty() || s.shndx() == Elf.SHN_UNDEF) continue;
            if (s.type() == Symbol.STT_SECTION || s.type() == Symbol.STT_FILE) continue;
            Symbol old = byName.get(s.name());
            if (old == null || (!old.isGlobal() && s.isGlobal())) byName.put(s.name(), s);
        }
        List<Symbol> sorted = new ArrayList<>(byName.values());
        sorted.sort(Comparator.comparing(Symbol::value, Long::compareUnsigned).thenComparing(Symbol::index));
        this.byAddress = List.copyOf(sorted);
    }

    public List<Symbol> all() { return symbols; }

    public int size() { return symbols.size(); }

    public Optional<Symbol> lookup(String name) { return Optional.ofNullable(byName.get(name)); }

    /**
     * The symbol that contains {@code address}: the highest-addressed named definition at or
     * below it whose size covers it (or, for a size-0 label, that starts exactly there).
     */
    public Optional<Symbol> containing(long address) {
        int lo = 0, hi = byAddress.size() - 1, found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (Long.compareUnsigned(byAddress.get(mid).value(), address) <= 0) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (int i = found; i >= 0; i--) {
            Symbol s = byAddress.get(i);
            long off = address - s.value();
            if (Long.compareUnsigned(off, s.size()) < 0 || off == 0) return Optional.of(s);
            if (s.size() != 0) break;
        }
        return Optional.empty();
    }
}
