package dev.tk86.loader.tkl;

import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.SymbolTable;

/**
 * What the loader hands to the TKL runtime: the bytes of the image's {@code .tkl} section (the
 * checked program, in whatever form the TKL compiler wrote it; never host bytecode), the
 * address range reserved for TKL functions ({@code .text.tkl}) both virtual and physical, and
 * the image's symbol table (TKL functions and globals are ELF symbols).
 *
 * @param bytes             contents of {@code .tkl}; the array is the runtime's to keep
 * @param textVirtualStart  sh_addr of {@code .text.tkl}
 * @param textSize          sh_size of {@code .text.tkl}
 * @param textPhysicalStart where the loader put {@code .text.tkl}'s first byte in physical memory
 */
public record TklProgram(byte[] bytes, long textVirtualStart, long textSize, long textPhysicalStart,
                         SymbolTable symbols, ElfImage image) {
    public long textVirtualEnd() { return textVirtualStart + textSize; }

    public long textPhysicalEnd() { return textPhysicalStart + textSize; }
}
