package dev.tk86.loader.elf;

/**
 * Constants of the ELF-64 object file format (System V gABI, "ELF-64 Object File Format"
 * version 1.5, and the x86-64 psABI for EM_X86_64).
 */
public final class Elf {
    private Elf() { }

    public static final int EHDR_SIZE = 64, PHDR_SIZE = 56, SHDR_SIZE = 64, SYM_SIZE = 24;

    public static final int EI_CLASS = 4, EI_DATA = 5, EI_VERSION = 6, EI_OSABI = 7;
    public static final int ELFCLASS64 = 2, ELFDATA2LSB = 1, EV_CURRENT = 1;

    public static final int ET_NONE = 0, ET_REL = 1, ET_EXEC = 2, ET_DYN = 3, ET_CORE = 4;
    public static final int EM_X86_64 = 62;

    public static final int PT_NULL = 0, PT_LOAD = 1, PT_DYNAMIC = 2, PT_INTERP = 3;
    public static final int PF_X = 1, PF_W = 2, PF_R = 4;
    /** e_phnum value meaning "the real count is in section 0's sh_info" (extended numbering). */
    public static final int PN_XNUM = 0xFFFF;

    public static final int SHT_NULL = 0, SHT_PROGBITS = 1, SHT_SYMTAB = 2, SHT_STRTAB = 3;
    public static final int SHT_NOBITS = 8;
    public static final long SHF_WRITE = 1, SHF_ALLOC = 2, SHF_EXECINSTR = 4;

    public static final int SHN_UNDEF = 0, SHN_LORESERVE = 0xFF00, SHN_ABS = 0xFFF1, SHN_COMMON = 0xFFF2;
    public static final int SHN_XINDEX = 0xFFFF;

    public static String typeName(int eType) {
        return switch (eType) {
            case ET_NONE -> "ET_NONE";
            case ET_REL -> "ET_REL";
            case ET_EXEC -> "ET_EXEC";
            case ET_DYN -> "ET_DYN";
            case ET_CORE -> "ET_CORE";
            default -> "unknown";
        };
    }

    public static String segmentTypeName(int pType) {
        return switch (pType) {
            case PT_NULL -> "PT_NULL";
            case PT_LOAD -> "PT_LOAD";
            case PT_DYNAMIC -> "PT_DYNAMIC";
            case PT_INTERP -> "PT_INTERP";
            default -> String.format("0x%x", pType);
        };
    }

    public static String hex(long v) { return "0x" + Long.toHexString(v); }
}
