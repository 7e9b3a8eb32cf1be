package dev.tk86.loader.elf;

/** The fields of Elf64_Ehdr after e_ident (whose checked bytes need not be kept). */
public record ElfHeader(int osAbi, int type, int machine, long version, long entry, long phoff, long shoff,
                        int flags, int ehsize, int phentsize, int phnum, int shentsize, int shnum, int shstrndx) {
}
