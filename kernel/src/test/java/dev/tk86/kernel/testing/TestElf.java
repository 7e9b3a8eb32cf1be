package dev.tk86.kernel.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough ELF64 reading for the kernel module's tests (the loader module, which the
 * kernel cannot depend on, has the real, validating reader): segments, sections by name,
 * and the symbol table.
 */
public final class TestElf {
    public record Segment(long offset, long vaddr, long paddr, long filesz, long memsz, int flags) {
        public boolean writable() { return (flags & 2) != 0; }
        public boolean executable() { return (flags & 1) != 0; }
    }

    public record Section(String name, long addr, long offset, long size, int type) {}

    public record Sym(String name, long value, long size, int info) {}

    public final byte[] bytes;
    public final long entry;
    public final List<Segment> segments = new ArrayList<>();
    public final Map<String, Section> sections = new HashMap<>();
    public final Map<String, Sym> symbols = new HashMap<>();

    public TestElf(byte[] bytes) {
        this.bytes = bytes;
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        entry = b.getLong(24);
        long phoff = b.getLong(32), shoff = b.getLong(40);
        int phnum = b.getShort(56) & 0xFFFF, shnum = b.getShort(60) & 0xFFFF, shstrndx = b.getShort(62) & 0xFFFF;
        for (int i = 0; i < phnum; i++) {
            int p = (int) phoff + i * 56;
            if (b.getInt(p) != 1) continue; // PT_LOAD
            segments.add(new Segment(b.getLong(p + 8), b.getLong(p + 16), b.getLong(p + 24), b.getLong(p + 32),
                    b.getLong(p + 40), b.getInt(p + 4)));
        }
        int strOff = (int) b.getLong((int) shoff + shstrndx * 64 + 24);
        long symOff = -1, symSize = 0, symStr = 0;
        for (int i = 0; i < shnum; i++) {
            int s = (int) shoff + i * 64;
            String name = cstring(strOff + b.getInt(s));
            int type = b.getInt(s + 4);
            sections.put(name, new Section(name, b.getLong(s + 16), b.getLong(s + 24), b.getLong(s + 32), type));
            if (type == 2) { // SHT_SYMTAB
                symOff = b.getLong(s + 24);
                symSize = b.getLong(s + 32);
                int link = b.getInt(s + 40);
                symStr = b.getLong((int) shoff + link * 64 + 24);
            }
        }
        for (long o = symOff; symOff >= 0 && o < symOff + symSize; o += 24) {
            int e = (int) o;
            String name = cstring((int) symStr + b.getInt(e));
            if (name.isEmpty() || (b.getShort(e + 6) & 0xFFFF) == 0) continue; // unnamed or undefined
            Sym s = new Sym(name, b.getLong(e + 8), b.getLong(e + 16), b.get(e + 4) & 0xFF);
            Sym old = symbols.get(name);
            if (old == null || (old.info >>> 4) == 0) symbols.put(name, s); // a global wins over a local
        }
    }

    private String cstring(int at) {
        int end = at;
        while (bytes[end] != 0) end++;
        return new String(bytes, at, end - at, StandardCharsets.ISO_8859_1);
    }

    public Sym symbol(String name) {
        Sym s = symbols.get(name);
        if (s == null) throw new IllegalArgumentException("no symbol " + name);
        return s;
    }

    /** The physical address a virtual address of the image is loaded at. */
    public long physical(long va) {
        for (Segment s : segments) {
            if (va - s.vaddr >= 0 && va - s.vaddr < s.memsz) return s.paddr + (va - s.vaddr);
        }
        throw new IllegalArgumentException(String.format("0x%x is not in any segment", va));
    }

    public byte[] contents(String section) {
        Section s = sections.get(section);
        byte[] out = new byte[(int) s.size()];
        System.arraycopy(bytes, (int) s.offset(), out, 0, out.length);
        return out;
    }
}
