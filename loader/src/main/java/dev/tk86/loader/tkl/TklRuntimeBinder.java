package dev.tk86.loader.tkl;

import dev.tk86.isa.machine.Machine;
import dev.tk86.kernel.runtime.ImageSymbols;
import dev.tk86.kernel.runtime.TextRange;
import dev.tk86.kernel.runtime.TklBindException;
import dev.tk86.kernel.runtime.TklBinding;
import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.loader.ImageException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TKL runtime behind the loader's {@link TklProgramLoader}: compiles the image's bundle
 * (kernel.runtime.TklBinding: the TKL front end, site lowering and ASM code generation, cached
 * within the JVM), checks the program against the image's symbols, and registers the runtime
 * for {@code .text.tkl}. Problems become an {@link ImageException} starting with ".tkl: ".
 * One binder per boot: afterwards {@link #runtime()} gives tools the source map, the shadow
 * memory and the stepping and ABI-poison switches.
 */
public final class TklRuntimeBinder implements TklProgramLoader {
    private final Consumer<TklRuntime> configure;
    private TklRuntime runtime;

    public TklRuntimeBinder() { this(rt -> { }); }

    /** {@code configure} runs on the new runtime before the machine starts (e.g. rt.setAbiPoison(true)). */
    public TklRuntimeBinder(Consumer<TklRuntime> configure) { this.configure = configure; }

    @Override
    public void bind(TklProgram program, Machine machine) throws ImageException {
        ImageSymbols symbols = name -> program.symbols().lookup(name).map(s -> new ImageSymbols.Symbol(s.value(), s.size()));
        TextRange text = new TextRange(program.textVirtualStart(), program.textSize(), program.textPhysicalStart());
        try {
            runtime = TklBinding.bind(machine, program.bytes(), text, symbols);
        } catch (TklBindException e) {
            throw new ImageException(TklSections.PROGRAM + ": " + e.getMessage());
        }
        configure.accept(runtime);
    }

    /** The runtime of the image this binder bound, once it has. */
    public Optional<TklRuntime> runtime() { return Optional.ofNullable(runtime); }
}
