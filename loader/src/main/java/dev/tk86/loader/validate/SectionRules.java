package dev.tk86.loader.validate;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.Elf;
import dev.tk86.loader.elf.FileBytes;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.elf.SectionHeader;
import java.util.List;

/**
 * Checks of the section headers (gABI "Sections"): every section with contents lies inside the
 * file; every allocated section lies inside a PT_LOAD segment (with its contents inside the
 * segment's file-backed part), so what readelf shows is what the loader loads; and the image
 * has exactly one symbol table.
 */
final class SectionRules {
    /** SHF_TLS: a template for thread-local data, which occupies no address range of its own. */
    private static final long SHF_TLS = 0x400;

    private SectionRules() { }

    static void checkBounds(List<SectionHeader> sections, long fileSize) throws ImageException {
        for (SectionHeader s : sections) {
            if (s.type() == Elf.SHT_NULL || s.nobits()) continue;
            if (!FileBytes.fits(s.offset(), s.size(), fileSize))
                throw ImageException.of("%s: sh_offset+sh_size %s exceeds the file size 0x%x",
                        s.label(), FileBytes.end(s.offset(), s.size()), fileSize);
        }
    }

    static void checkPlacement(List<SectionHeader> sections, List<ProgramHeader> loads) throws ImageException {
        for (SectionHeader s : sections) {
            if (!s.alloc() || s.size() == 0 || (s.flags() & SHF_TLS) != 0) continue;
            boolean inside = false;
            for (ProgramHeader p : loads) {
                long limit = s.nobits() ? p.memsz() : p.filesz();
                long off = s.addr() - p.vaddr();
                if (Long.compareUnsigned(s.addr(), p.vaddr()) >= 0 && Long.compareUnsigned(off, limit) <= 0
                        && Long.compareUnsigned(s.size(), limit - off) <= 0) {
                    inside = true;
                    break;
                }
            }
            if (!inside)
                throw ImageException.of("%s: SHF_ALLOC section at 0x%x-%s is not inside %s of any PT_LOAD segment",
                        s.label(), s.addr(), FileBytes.end(s.addr(), s.size()),
                        s.nobits() ? "the memory image" : "the file-backed part");
        }
    }

    static SectionHeader symbolTable(List<SectionHeader> sections) throws ImageException {
        SectionHeader found = null;
        for (SectionHeader s : sections) {
            if (s.type() != Elf.SHT_SYMTAB) continue;
            if (found != null)
                throw ImageException.of("%s: a second SHT_SYMTAB section (the first is %s); ELF allows one",
                        s.label(), found.label());
            found = s;
        }
        if (found == null)
            throw ImageException.of("no symbol table: the image has no SHT_SYMTAB section"
                    + " (tk86 needs a full symbol table; do not strip the kernel)");
        return found;
    }
}
