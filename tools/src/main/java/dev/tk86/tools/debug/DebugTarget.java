package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.machine.Machine;
import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.srcmap.SourceMap;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.boot.BootedImage;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.loader.elf.SymbolTable;
import dev.tk86.loader.tkl.TklRuntimeBinder;
import dev.tk86.tools.boot.BootOptions;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A booted image under a debugger: the machine, the image's symbols and, when the image
 * carries TKL, the runtime with its source map. Everything a debugger front end (the
 * {@code debug} command, the GDB stub) asks about the guest's code starts here.
 */
public final class DebugTarget {
    private final BootedImage booted;
    private final TklRuntime runtime;
    private final Path image;

    private DebugTarget(Path image, BootedImage booted, TklRuntime runtime) {
        this.image = image;
        this.booted = booted;
        this.runtime = runtime;
    }

    public static DebugTarget boot(Path image, BootOptions options) throws ImageException {
        TklRuntimeBinder binder = new TklRuntimeBinder();
        BootedImage b = BootLoader.boot(image, options.machine(), options.commandLine(), binder);
        return new DebugTarget(image, b, binder.runtime().orElse(null));
    }

    public Path image() { return image; }

    public BootedImage booted() { return booted; }

    public Machine machine() { return booted.machine(); }

    public Cpu cpu(int id) { return booted.machine().cpu(id); }

    public int cpuCount() { return booted.machine().cpus().size(); }

    public SymbolTable symbols() { return booted.image().symbols(); }

    public Optional<TklRuntime> runtime() { return Optional.ofNullable(runtime); }

    public Optional<SourceMap> sourceMap() { return runtime().map(TklRuntime::sourceMap); }

    /** The TKL site at {@code address}, if it is one. */
    public Optional<SiteInfo> site(long address) { return sourceMap().flatMap(m -> m.site(address)); }

    /** Whether {@code address} is TKL code rather than machine code. */
    public boolean isTkl(long address) { return site(address).isPresent(); }

    /** A symbol's address, by ELF name. */
    public Optional<Long> address(String symbol) { return symbols().lookup(symbol).map(Symbol::value); }

    /** {@code name+0x12}, or the hex address when no symbol covers it. */
    public String symbolize(long address) {
        Optional<Symbol> s = symbols().containing(address);
        if (s.isEmpty()) return String.format("0x%x", address);
        long off = address - s.get().value();
        return off == 0 ? s.get().name() : s.get().name() + "+0x" + Long.toHexString(off);
    }

    /** Where {@code address} is for people: the TKL statement, or the symbol. */
    public String where(long address) {
        Optional<SiteInfo> site = site(address);
        if (site.isPresent()) return site.get().function() + " at " + site.get().position();
        return symbolize(address);
    }
}
