package dev.tk86.tools.monitor;

import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.inspect.KernelImage;
import java.util.Optional;

/**
 * What monitors need to know about a kernel, looked up by name in its ELF symbols and TKL type
 * information: function addresses, struct field offsets, constants. A kernel without one of
 * them (the smoke kernel has no struct proc) makes the lookup empty, and the monitor that
 * needed it stays off.
 */
public final class KernelFacts {
    private final KernelImage image;

    public KernelFacts(KernelImage image) { this.image = image; }

    public KernelImage image() { return image; }

    /** The symbol of a function or variable. */
    public Optional<Symbol> symbol(String name) { return image.symbol(name); }

    /** The address of a symbol. */
    public Optional<Long> address(String name) { return image.symbol(name).map(Symbol::value); }

    /** The byte offset of {@code field} in TKL struct {@code struct}. */
    public Optional<Long> offset(String struct, String field) {
        return image.structLayout(struct).flatMap(l -> l.field(field)).map(FieldLayout::offset);
    }

    /** The value of a TKL constant. */
    public Optional<Long> constant(String name) { return image.constant(name).map(ConstSymbol::value); }

    /** Every name given resolves (functions/variables by symbol, "struct.field" by layout, else a constant). */
    public boolean has(String... names) {
        for (String n : names) {
            int dot = n.indexOf('.');
            boolean ok = dot > 0 ? offset(n.substring(0, dot), n.substring(dot + 1)).isPresent()
                    : symbol(n).isPresent() || constant(n).isPresent();
            if (!ok) return false;
        }
        return true;
    }

    /** Like {@link #offset} for a field the caller checked with {@link #has}. */
    public long off(String structDotField) {
        int dot = structDotField.indexOf('.');
        return offset(structDotField.substring(0, dot), structDotField.substring(dot + 1)).orElseThrow();
    }

    public long addr(String name) { return address(name).orElseThrow(); }

    public long value(String constant) { return constant(constant).orElseThrow(); }
}
