package dev.tk86.kernel.typed;

/** An absolute 64-bit address ({@code .quad symbol+addend}, R_X86_64_64) at {@code offset} in initialiser data. */
public record Reloc(long offset, String symbol, long addend) {}
