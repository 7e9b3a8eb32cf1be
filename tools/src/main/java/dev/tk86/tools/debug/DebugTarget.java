package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.machine.Machine;
import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.srcmap.SourceMap;
import dev.tk86.loader.ImageException;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.loader.elf.SymbolTable;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.GuestBoot;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A booted image under a debugger: the machine, the image's symbols and, when the image
 * carries TKL, the runtime with its source map. Everything a debugger front end (the
 * {@code debug} command, the GDB stub) asks about the guest's code starts here.
 */
public final class DebugTarget {
    private final TklRuntime runtime;
    private final Path image;
    private final KernelInspector inspector;

    private DebugTarget(Path image, KernelInspector inspector) {
        this.image = image;
        this.inspector = inspector;
        this.runtime = inspector.image().runtime().orElse(null);
    }

    public static DebugTarget boot(Path image, BootOptions options) throws ImageException {
        return of(image, GuestBoot.boot(image, options));
    }

    /** A machine booted (and not yet run) by {@link GuestBoot#boot}, e.g. with tracers attached. */
    public static DebugTarget of(Path image, KernelInspector booted) { return new DebugTarget(image, booted); }

    public Path image() { return image; }

    /** Typed values, backtraces and the process table (the shared introspection library). */
    public KernelInspector inspector() { return inspector; }

    /** Line {@code line} of TKL source file {@code path}, if the image carries that file. */
    public Optional<String> sourceLine(String path, int line) {
        if (runtime == null) return Optional.empty();
        for (SourceFile f : runtime.program().lowered().program().sources())
            if (f.path().equals(path)) return line >= 1 && line <= f.lineCount() ? Optional.of(f.line(line)) : Optional.empty();
        return Optional.empty();
    }

    /** The TKL source files of the image, by path. */
    public java.util.List<String> sourceFiles() {
        if (runtime == null) return java.util.List.of();
        return runtime.program().lowered().program().sources().stream().map(SourceFile::path).toList();
    }

    public Machine machine() { return inspector.machine(); }

    public Cpu cpu(int id) { return machine().cpu(id); }

    public int cpuCount() { return machine().cpus().size(); }

    public SymbolTable symbols() { return inspector.image().symbols(); }

    public Optional<TklRuntime> runtime() { return Optional.ofNullable(runtime); }

    public Optional<SourceMap> sourceMap() { return runtime().map(TklRuntime::sourceMap); }

    /** The TKL site at {@code address}, if it is one. */
    public Optional<SiteInfo> site(long address) { return sourceMap().flatMap(m -> m.site(address)); }

    /** Whether {@code address} is TKL code rather than machine code. */
    public boolean isTkl(long address) { return site(address).isPresent(); }

    /** A symbol's address, by ELF name. */
    public Optional<Long> address(String symbol) { return symbols().lookup(symbol).map(Symbol::value); }

    /** {@code name+0x12}, or the hex address when no symbol covers it. */
    public String symbolize(long address) { return inspector.image().symbolize(address); }

    /** Where {@code address} is for people: the TKL statement, or the symbol. */
    public String where(long address) {
        Optional<SiteInfo> site = site(address);
        if (site.isPresent()) return site.get().function() + " at " + site.get().position();
        return symbolize(address);
    }
}
