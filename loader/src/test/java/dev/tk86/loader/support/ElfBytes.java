package dev.tk86.loader.support;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A copy of an ELF64 file with field-level edits, for building malformed images. It locates
 * fields by the offsets of the ELF-64 specification itself (not through the loader's reader),
 * so a bug in the reader cannot hide a mutation.
 */
public final class ElfBytes {
    // Elf64_Ehdr field offsets (ELF-64 Object File Format, "ELF Header")
    public static final int E_TYPE = 0x10, E_MACHINE = 0x12, E_VERSION = 0x14, E_ENTRY = 0x18, E_PHOFF = 0x20;
    public static final int E_SHOFF = 0x28, E_EHSIZE = 0x34, E_PHENTSIZE = 0x36, E_PHNUM = 0x38;
    public static final int E_SHENTSIZE = 0x3A, E_SHNUM = 0x3C, E_SHSTRNDX = 0x3E;
    // Elf64_Phdr
    public static final int P_TYPE = 0, P_FLAGS = 4, P_OFFSET = 8, P_VADDR = 0x10, P_PADDR = 0x18;
    public static final int P_FILESZ = 0x20, P_MEMSZ = 0x28, P_ALIGN = 0x30;
    // Elf64_Shdr
    public static final int SH_NAME = 0, SH_TYPE = 4, SH_FLAGS = 8, SH_ADDR = 0x10, SH_OFFSET = 0x18;
    public static final int SH_SIZE = 0x20, SH_LINK = 0x28, SH_INFO = 0x2C, SH_ENTSIZE = 0x38;
    // Elf64_Sym
    public static final int ST_NAME = 0, ST_SHNDX = 6;

    private byte[] b;
    private ByteBuffer buf;

    public ElfBytes(byte[] original) {
        b = original.clone();
        buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    }

    public byte[] bytes() { return b.clone(); }

    public int size() { return b.length; }

    public long u16(long off) { return buf.getShort((int) off) & 0xFFFF; }
    public long u32(long off) { return buf.getInt((int) off) & 0xFFFF_FFFFL; }
    public long u64(long off) { return buf.getLong((int) off); }

    public ElfBytes put8(long off, int v) { b[(int) off] = (byte) v; return this; }
    public ElfBytes put16(long off, long v) { buf.putShort((int) off, (short) v); return this; }
    public ElfBytes put32(long off, long v) { buf.putInt((int) off, (int) v); return this; }
    public ElfBytes put64(long off, long v) { buf.putLong((int) off, v); return this; }

    public ElfBytes truncate(int length) {
        b = Arrays.copyOf(b, length);
        buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return this;
    }

    /** File offset of program header {@code i}. */
    public long ph(int i) { return u64(E_PHOFF) + 56L * i; }

    /** File offset of section header {@code i}. */
    public long sh(int i) { return u64(E_SHOFF) + 64L * i; }

    public int shnum() { return (int) u16(E_SHNUM); }

    public String sectionName(int i) {
        long names = u64(sh((int) u16(E_SHSTRNDX)) + SH_OFFSET);
        int start = (int) (names + u32(sh(i) + SH_NAME)), end = start;
        while (b[end] != 0) end++;
        return new String(b, start, end - start, StandardCharsets.UTF_8);
    }

    /** Index of the section named {@code name}. */
    public int section(String name) {
        for (int i = 0; i < shnum(); i++) if (sectionName(i).equals(name)) return i;
        throw new IllegalArgumentException("no section " + name);
    }

    /** File offset of entry {@code i} of .symtab. */
    public long sym(int i) { return u64(sh(section(".symtab")) + SH_OFFSET) + 24L * i; }

    /** File offset of the first byte of the named section's contents. */
    public long contents(String name) { return u64(sh(section(name)) + SH_OFFSET); }
}
