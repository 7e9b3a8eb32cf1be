package dev.tk86.loader.validate;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ElfHeader;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.ElfReader;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.elf.SectionHeader;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.loader.elf.SymbolTable;
import dev.tk86.loader.tkl.TklSections;
import java.util.List;

/**
 * Reads a kernel image and checks it completely before anything is loaded: the header, the
 * program headers against the file and against a machine with {@code ramBytes} of RAM, the
 * section headers, the symbol table, the entry point and the TKL sections. Each stage reads
 * only what the previous stages proved to be inside the file, so any byte string gives either
 * an {@link ElfImage} or one {@link ImageException} naming the first offending field.
 */
public final class ImageReader {
    private ImageReader() { }

    public static ElfImage read(byte[] file, long ramBytes) throws ImageException {
        HeaderRules.checkSize(file);
        ElfHeader h = ElfReader.header(file);
        HeaderRules.check(file, h);
        List<ProgramHeader> phdrs = ElfReader.programHeaders(file, h);
        SegmentRules.check(phdrs, file.length, ramBytes);
        List<SectionHeader> sections = ElfReader.sections(file, h);
        SectionRules.checkBounds(sections, file.length);
        List<ProgramHeader> loads = phdrs.stream().filter(ProgramHeader::isLoad).toList();
        SectionRules.checkPlacement(sections, loads);
        SectionHeader symtab = SectionRules.symbolTable(sections);
        List<Symbol> symbols = ElfReader.symbols(file, symtab, sections);
        SymbolRules.check(symbols, sections.size());
        ElfImage image = new ElfImage(file, h, List.copyOf(phdrs), List.copyOf(sections), symtab, new SymbolTable(symbols));
        EntryRules.check(image);
        TklSections.find(image);
        return image;
    }
}
