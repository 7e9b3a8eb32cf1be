package dev.tk86.loader.elf;

/** One Elf64_Phdr, with its index in the program header table. */
public record ProgramHeader(int index, int type, int flags, long offset, long vaddr, long paddr,
                            long filesz, long memsz, long align) {
    public boolean isLoad() { return type == Elf.PT_LOAD; }
    public boolean executable() { return (flags & Elf.PF_X) != 0; }
    public boolean writable() { return (flags & Elf.PF_W) != 0; }

    /** Whether virtual address {@code va} is inside [p_vaddr, p_vaddr + p_memsz). */
    public boolean containsVirtual(long va) {
        return Long.compareUnsigned(va, vaddr) >= 0 && Long.compareUnsigned(va - vaddr, memsz) < 0;
    }

    /** Physical address of virtual {@code va} inside this segment. */
    public long physicalOf(long va) { return va - vaddr + paddr; }
}
