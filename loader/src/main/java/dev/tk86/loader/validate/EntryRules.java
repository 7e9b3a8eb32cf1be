package dev.tk86.loader.validate;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.elf.SectionHeader;
import dev.tk86.loader.tkl.TklSections;

/**
 * The entry point (e_entry) must be machine code the boot CPU can fetch: inside an executable
 * PT_LOAD segment, inside an executable allocated section, and not inside .text.tkl (TKL
 * functions are entered by a call, with a return address on the stack; the BSP's entry is not).
 */
final class EntryRules {
    private EntryRules() { }

    static void check(ElfImage image) throws ImageException {
        long entry = image.header().entry();
        boolean inSegment = false;
        for (ProgramHeader p : image.loadSegments())
            if (p.executable() && Long.compareUnsigned(entry - p.vaddr(), p.filesz()) < 0
                    && Long.compareUnsigned(entry, p.vaddr()) >= 0) inSegment = true;
        if (!inSegment)
            throw ImageException.of("e_entry: 0x%x is not inside the file-backed part of an executable (PF_X) PT_LOAD segment", entry);
        SectionHeader in = null;
        for (SectionHeader s : image.sections())
            if (s.alloc() && !s.nobits() && s.contains(entry)) in = s;
        if (in == null || !in.executable())
            throw ImageException.of("e_entry: 0x%x is not inside an executable section (SHF_ALLOC|SHF_EXECINSTR)%s",
                    entry, in == null ? "" : "; it is in " + in.label());
        if (in.name().equals(TklSections.TEXT))
            throw ImageException.of("e_entry: 0x%x is inside %s; the entry point must be machine code, not a TKL function",
                    entry, TklSections.TEXT);
    }
}
