package dev.tk86.tools.inspect;

import dev.tk86.kernel.layout.StructLayout;
import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.kernel.srcmap.SourceMap;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.typed.GlobalDef;
import dev.tk86.kernel.typed.GlobalVar;
import dev.tk86.kernel.types.Type;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.elf.ElfImage;
import dev.tk86.loader.elf.ProgramHeader;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.loader.elf.SymbolTable;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the image says about the kernel, independent of any CPU: ELF symbols (x86 and TKL
 * alike), and when the image carries TKL, the checked program's types (globals, structs,
 * constants) and the source map (sites, frames). An image without TKL still has symbols.
 */
public final class KernelImage {
    private final ElfImage elf;
    private final TklRuntime runtime;
    private final Map<String, Type> globalTypes = new HashMap<>();

    private KernelImage(ElfImage elf, TklRuntime runtime) {
        this.elf = elf;
        this.runtime = runtime;
        program().ifPresent(p -> {
            for (GlobalDef g : p.globals()) globalTypes.put(g.name(), g.var().type());
            for (GlobalVar g : p.externVars()) globalTypes.put(g.name(), g.type());
        });
    }

    /** {@code runtime} is the TKL runtime the loader bound (TklRuntimeBinder.runtime()), or null. */
    public static KernelImage of(BootedImage booted, TklRuntime runtime) { return new KernelImage(booted.image(), runtime); }

    public static KernelImage of(ElfImage elf, TklRuntime runtime) { return new KernelImage(elf, runtime); }

    public ElfImage elf() { return elf; }

    public SymbolTable symbols() { return elf.symbols(); }

    public Optional<TklRuntime> runtime() { return Optional.ofNullable(runtime); }

    public Optional<SourceMap> sourceMap() { return runtime().map(TklRuntime::sourceMap); }

    public Optional<CheckedProgram> program() { return runtime().map(rt -> rt.program().lowered().program()); }

    public Optional<Symbol> symbol(String name) { return elf.symbols().lookup(name); }

    /** The address of symbol {@code name}, or an InspectException naming it. */
    public long address(String name) {
        return symbol(name).orElseThrow(() -> InspectException.of("no symbol '%s' in the image", name)).value();
    }

    /** The TKL type of global {@code name} (defined in TKL or an extern var of locore). */
    public Optional<Type> globalType(String name) { return Optional.ofNullable(globalTypes.get(name)); }

    public Optional<ConstSymbol> constant(String name) { return program().flatMap(p -> p.constant(name)); }

    public Optional<StructLayout> structLayout(String name) { return program().flatMap(p -> p.struct(name)); }

    /** The struct type {@code name} as a value type (layouts are shared with the program). */
    public Optional<Type.Struct> struct(String name) {
        return structLayout(name).map(l -> {
            StructLayout.Ref ref = new StructLayout.Ref();
            ref.set(l);
            return new Type.Struct(name, ref);
        });
    }

    /** {@code name}, {@code name+0x1a}, or the address in hex when no symbol holds it. */
    public String symbolize(long address) {
        Optional<Symbol> s = elf.symbols().containing(address);
        if (s.isEmpty()) return String.format("0x%x", address);
        long off = address - s.get().value();
        return off == 0 ? s.get().name() : String.format("%s+0x%x", s.get().name(), off);
    }

    /**
     * The physical address of a virtual address inside the image's PT_LOAD segments (globals in
     * .data and .bss): readable without any CPU's page tables, e.g. after the machine stopped.
     */
    public Optional<Long> imagePhysical(long va) {
        return elf.segmentAt(va).map((ProgramHeader p) -> p.physicalOf(va));
    }
}
