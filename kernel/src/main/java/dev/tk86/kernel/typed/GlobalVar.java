package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.types.Type;
import java.util.List;

/**
 * A global variable, an ELF symbol named {@link #name()}. Defined ones go to .bss when
 * {@code data} is null (zero-filled) or to .data with {@code data} (exactly {@code type.size()}
 * bytes, little-endian) patched by {@code relocs}; {@code external} ones are defined in locore.S.
 */
public record GlobalVar(String name, Type type, boolean external, byte[] data, List<Reloc> relocs, Pos pos) {
    public boolean isBss() { return !external && data == null; }

    public long size() { return type.size(); }

    public long align() { return type.align(); }
}
