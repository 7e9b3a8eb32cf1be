package dev.tk86.loader.elf;

import java.util.List;
import java.util.Optional;

/**
 * A read and checked ELF64 image: the file's bytes and its parsed tables. Instances come from
 * {@code dev.tk86.loader.validate.ImageReader}, so every offset and size in them is known to
 * lie inside {@link #bytes()}.
 */
public record ElfImage(byte[] bytes, ElfHeader header, List<ProgramHeader> programHeaders,
                       List<SectionHeader> sections, SectionHeader symtabSection, SymbolTable symbols) {

    public List<ProgramHeader> loadSegments() {
        return programHeaders.stream().filter(ProgramHeader::isLoad).toList();
    }

    /** The first section with this name. */
    public Optional<SectionHeader> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The section's bytes in the file (empty for SHT_NOBITS). */
    public byte[] contents(SectionHeader s) {
        if (s.nobits()) return new byte[0];
        byte[] out = new byte[(int) s.size()];
        System.arraycopy(bytes, (int) s.offset(), out, 0, out.length);
        return out;
    }

    /** The PT_LOAD segment whose memory image contains virtual address {@code va}. */
    public Optional<ProgramHeader> segmentAt(long va) {
        return loadSegments().stream().filter(p -> p.containsVirtual(va)).findFirst();
    }
}
