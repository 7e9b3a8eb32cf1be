package dev.tk86.loader.elf;

/** One Elf64_Sym with its name resolved through the symbol string table. */
public record Symbol(int index, String name, long value, long size, int bind, int type, int other, int shndx) {
    public static final int STB_LOCAL = 0, STB_GLOBAL = 1, STB_WEAK = 2;
    public static final int STT_NOTYPE = 0, STT_OBJECT = 1, STT_FUNC = 2, STT_SECTION = 3, STT_FILE = 4;

    public boolean isFunction() { return type == STT_FUNC; }
    public boolean isGlobal() { return bind == STB_GLOBAL || bind == STB_WEAK; }
}
