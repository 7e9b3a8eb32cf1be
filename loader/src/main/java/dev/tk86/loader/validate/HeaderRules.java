package dev.tk86.loader.validate;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.Elf;
import dev.tk86.loader.elf.ElfHeader;
import dev.tk86.loader.elf.FileBytes;

/**
 * Checks of the ELF header (gABI "ELF Header", x86-64 psABI 4.1): identification, type,
 * machine, entry sizes, and that both header tables lie inside the file. tk86 boots only
 * statically linked little-endian ELF64 x86-64 executables.
 */
final class HeaderRules {
    private HeaderRules() { }

    static void checkSize(byte[] f) throws ImageException {
        if (f.length < Elf.EHDR_SIZE)
            throw ImageException.of("file is %d bytes, too short for the 64-byte ELF64 header", f.length);
    }

    static void check(byte[] f, ElfHeader h) throws ImageException {
        if (f[0] != 0x7F || f[1] != 'E' || f[2] != 'L' || f[3] != 'F')
            throw ImageException.of("e_ident: bad magic %02x %02x %02x %02x, not an ELF file (expected 7f 45 4c 46)",
                    f[0], f[1], f[2], f[3]);
        if (f[Elf.EI_CLASS] != Elf.ELFCLASS64)
            throw ImageException.of("e_ident[EI_CLASS]: %d is not ELFCLASS64 (2)", f[Elf.EI_CLASS] & 0xFF);
        if (f[Elf.EI_DATA] != Elf.ELFDATA2LSB)
            throw ImageException.of("e_ident[EI_DATA]: %d is not ELFDATA2LSB (1, little-endian)", f[Elf.EI_DATA] & 0xFF);
        if (f[Elf.EI_VERSION] != Elf.EV_CURRENT)
            throw ImageException.of("e_ident[EI_VERSION]: %d is not EV_CURRENT (1)", f[Elf.EI_VERSION] & 0xFF);
        if (h.type() != Elf.ET_EXEC)
            throw ImageException.of("e_type: %d (%s) is not ET_EXEC (2); link the kernel as a static executable",
                    h.type(), Elf.typeName(h.type()));
        if (h.machine() != Elf.EM_X86_64)
            throw ImageException.of("e_machine: 0x%x is not EM_X86_64 (62)", h.machine());
        if (h.version() != Elf.EV_CURRENT)
            throw ImageException.of("e_version: %d is not EV_CURRENT (1)", h.version());
        if (h.ehsize() != Elf.EHDR_SIZE)
            throw ImageException.of("e_ehsize: %d is not 64 (sizeof Elf64_Ehdr)", h.ehsize());
        if (h.phnum() > 0 && h.phentsize() != Elf.PHDR_SIZE)
            throw ImageException.of("e_phentsize: %d is not 56 (sizeof Elf64_Phdr)", h.phentsize());
        if (h.shnum() > 0 && h.shentsize() != Elf.SHDR_SIZE)
            throw ImageException.of("e_shentsize: %d is not 64 (sizeof Elf64_Shdr)", h.shentsize());
        if (h.phnum() == Elf.PN_XNUM)
            throw ImageException.of("e_phnum: 0xffff (PN_XNUM, extended program header numbering) is not supported");
        if (h.shnum() == 0)
            throw ImageException.of("e_shnum: 0, the image has no section headers (tk86 needs its sections and full symbol table)");
        checkTable("program header table", "e_phoff", h.phoff(), h.phnum(), Elf.PHDR_SIZE, f.length);
        checkTable("section header table", "e_shoff", h.shoff(), h.shnum(), Elf.SHDR_SIZE, f.length);
        if (h.shstrndx() == Elf.SHN_UNDEF)
            throw ImageException.of("e_shstrndx: 0 (SHN_UNDEF), the image has no section name table");
        if (h.shstrndx() >= h.shnum())
            throw ImageException.of("e_shstrndx: %d is out of range (e_shnum is %d)", h.shstrndx(), h.shnum());
    }

    private static void checkTable(String what, String field, long off, int n, int entry, long fileSize)
            throws ImageException {
        long len = (long) n * entry;
        if (!FileBytes.fits(off, len, fileSize))
            throw ImageException.of("%s: %s 0x%x + %d entries of %d bytes ends at %s, beyond the file size 0x%x",
                    what, field, off, n, entry, FileBytes.end(off, len), fileSize);
    }
}
