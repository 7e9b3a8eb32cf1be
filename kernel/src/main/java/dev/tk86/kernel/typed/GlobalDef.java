package dev.tk86.kernel.typed;

import java.util.List;

/**
 * The definition of a TKL global: .bss when {@code data} is null (zero-filled, also used for
 * initialisers that are all zero, as gcc does), otherwise .data with exactly
 * {@code var.type().size()} little-endian bytes patched by {@code relocs}.
 */
public record GlobalDef(GlobalVar var, byte[] data, List<Reloc> relocs) {
    public boolean isBss() { return data == null; }

    public String name() { return var.name(); }

    public long size() { return var.type().size(); }

    public long align() { return var.type().align(); }
}
