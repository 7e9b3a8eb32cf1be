package dev.tk86.loader.validate;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.Elf;
import dev.tk86.loader.elf.Symbol;
import java.util.List;

/** Checks of symbol table entries (gABI "Symbol Table"): each names a section that exists. */
final class SymbolRules {
    private SymbolRules() { }

    static void check(List<Symbol> symbols, int shnum) throws ImageException {
        for (Symbol s : symbols) {
            String at = "symbol " + s.index() + (s.name().isEmpty() ? "" : " (" + s.name() + ")");
            if (s.shndx() == Elf.SHN_XINDEX)
                throw ImageException.of("%s: st_shndx 0xffff (SHN_XINDEX, extended section indices) is not supported", at);
            if (s.shndx() < Elf.SHN_LORESERVE && s.shndx() >= shnum)
                throw ImageException.of("%s: st_shndx %d is out of range (e_shnum is %d)", at, s.shndx(), shnum);
        }
    }
}
