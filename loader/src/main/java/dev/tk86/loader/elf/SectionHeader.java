package dev.tk86.loader.elf;

/** One Elf64_Shdr, with its index and its name resolved through the section name table. */
public record SectionHeader(int index, String name, long nameOffset, int type, long flags, long addr,
                            long offset, long size, int link, int info, long addralign, long entsize) {
    public boolean alloc() { return (flags & Elf.SHF_ALLOC) != 0; }
    public boolean executable() { return (flags & Elf.SHF_EXECINSTR) != 0; }
    public boolean nobits() { return type == Elf.SHT_NOBITS; }

    /** Whether virtual address {@code va} is inside [sh_addr, sh_addr + sh_size). */
    public boolean contains(long va) {
        return Long.compareUnsigned(va, addr) >= 0 && Long.compareUnsigned(va - addr, size) < 0;
    }

    /** "section 7 (.symtab)", the way every message about a section starts. */
    public String label() { return "section " + index + " (" + (name.isEmpty() ? "no name" : name) + ")"; }
}
