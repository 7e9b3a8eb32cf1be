package dev.tk86.loader.elf;

import static dev.tk86.loader.elf.FileBytes.u16;
import static dev.tk86.loader.elf.FileBytes.u32;
import static dev.tk86.loader.elf.FileBytes.u64;
import static dev.tk86.loader.elf.FileBytes.u8;

import dev.tk86.loader.ImageException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the tables of an ELF64 little-endian file, one stage at a time. Each stage checks what
 * it needs in order to read safely (a string table that ends in NUL, a name offset inside it,
 * a symbol table whose entries have the right size) and reports any failure as an
 * {@link ImageException} naming the field; the stages run in the order that
 * {@code validate.ImageReader} gives them, after the header and table bounds are checked.
 */
public final class ElfReader {
    private ElfReader() { }

    /** Elf64_Ehdr fields; the caller has checked the file holds at least 64 bytes. */
    public static ElfHeader header(byte[] f) {
        return new ElfHeader(u8(f, Elf.EI_OSABI), u16(f, 0x10), u16(f, 0x12), u32(f, 0x14), u64(f, 0x18),
                u64(f, 0x20), u64(f, 0x28), (int) u32(f, 0x30), u16(f, 0x34), u16(f, 0x36), u16(f, 0x38),
                u16(f, 0x3A), u16(f, 0x3C), u16(f, 0x3E));
    }

    /** The program header table; its bounds were checked against the file. */
    public static List<ProgramHeader> programHeaders(byte[] f, ElfHeader h) {
        List<ProgramHeader> out = new ArrayList<>(h.phnum());
        for (int i = 0; i < h.phnum(); i++) {
            long o = h.phoff() + (long) i * Elf.PHDR_SIZE;
            out.add(new ProgramHeader(i, (int) u32(f, o), (int) u32(f, o + 4), u64(f, o + 8), u64(f, o + 0x10),
                    u64(f, o + 0x18), u64(f, o + 0x20), u64(f, o + 0x28), u64(f, o + 0x30)));
        }
        return out;
    }

    /**
     * The section header table with every name resolved through the section name table
     * (e_shstrndx, already checked to be in range).
     */
    public static List<SectionHeader> sections(byte[] f, ElfHeader h) throws ImageException {
        long base = h.shoff() + (long) h.shstrndx() * Elf.SHDR_SIZE;
        int nameType = (int) u32(f, base + 4);
        long nameOff = u64(f, base + 0x18), nameSize = u64(f, base + 0x20);
        String label = "section " + h.shstrndx() + " (e_shstrndx, the section name table)";
        if (nameType != Elf.SHT_STRTAB)
            throw ImageException.of("%s: sh_type %d is not SHT_STRTAB (3)", label, nameType);
        StringTable names = StringTable.of(f, nameOff, nameSize, label);
        List<SectionHeader> out = new ArrayList<>(h.shnum());
        for (int i = 0; i < h.shnum(); i++) {
            long o = h.shoff() + (long) i * Elf.SHDR_SIZE;
            long shName = u32(f, o);
            String name = names.at(shName, "section " + i + ": sh_name");
            out.add(new SectionHeader(i, name, shName, (int) u32(f, o + 4), u64(f, o + 8), u64(f, o + 0x10),
                    u64(f, o + 0x18), u64(f, o + 0x20), (int) u32(f, o + 0x28), (int) u32(f, o + 0x2C),
                    u64(f, o + 0x30), u64(f, o + 0x38)));
        }
        return out;
    }

    /**
     * The symbols of {@code symtab} (an SHT_SYMTAB section whose bytes lie inside the file),
     * with names from its linked string table.
     */
    public static List<Symbol> symbols(byte[] f, SectionHeader symtab, List<SectionHeader> sections)
            throws ImageException {
        String label = symtab.label();
        if (symtab.entsize() != Elf.SYM_SIZE)
            throw ImageException.of("%s: sh_entsize %d is not 24 (sizeof Elf64_Sym)", label, symtab.entsize());
        if (symtab.size() % Elf.SYM_SIZE != 0)
            throw ImageException.of("%s: sh_size 0x%x is not a multiple of 24 (sizeof Elf64_Sym)", label, symtab.size());
        if (Integer.toUnsignedLong(symtab.link()) >= sections.size())
            throw ImageException.of("%s: sh_link %d is out of range (e_shnum is %d)",
                    label, Integer.toUnsignedLong(symtab.link()), sections.size());
        SectionHeader strtab = sections.get(symtab.link());
        if (strtab.type() != Elf.SHT_STRTAB)
            throw ImageException.of("%s: sh_link %d, %s, is not a string table (sh_type %d, not SHT_STRTAB)",
                    label, symtab.link(), strtab.label(), strtab.type());
        StringTable names = StringTable.of(f, strtab.offset(), strtab.size(), strtab.label());
        int count = (int) (symtab.size() / Elf.SYM_SIZE);
        if (Integer.toUnsignedLong(symtab.info()) > count)
            throw ImageException.of("%s: sh_info %d (index of the first non-local symbol) exceeds the symbol count %d",
                    label, Integer.toUnsignedLong(symtab.info()), count);
        List<Symbol> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long o = symtab.offset() + (long) i * Elf.SYM_SIZE;
            String name = names.at(u32(f, o), "symbol " + i + ": st_name");
            int info = u8(f, o + 4);
            out.add(new Symbol(i, name, u64(f, o + 8), u64(f, o + 0x10), info >>> 4, info & 0xF, u8(f, o + 5), u16(f, o + 6)));
        }
        return out;
    }
}
