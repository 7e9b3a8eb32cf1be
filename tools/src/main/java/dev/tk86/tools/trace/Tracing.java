package dev.tk86.tools.trace;

import dev.tk86.kernel.runtime.TklRuntime;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.json.JsonWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Traces and the Perfetto timeline on one machine. A hook already installed (a debugger's)
 * keeps running first ({@link ChainedHook}). Nothing is attached when the
 * configuration asks for nothing, so a machine that is not traced runs without a step hook
 * (at full speed, with compiled blocks). Output files are opened before the guest starts, so
 * a file that cannot be written is an error up front.
 */
public final class Tracing {
    private final TraceHook hook;
    private final TraceSink sink;
    private final Writer traceFile;
    private final PerfettoRecorder perfetto;
    private final Writer perfettoFile;

    private Tracing(TraceHook hook, TraceSink sink, Writer traceFile, PerfettoRecorder perfetto, Writer perfettoFile) {
        this.hook = hook;
        this.sink = sink;
        this.traceFile = traceFile;
        this.perfetto = perfetto;
        this.perfettoFile = perfettoFile;
    }

    /** Attaches what {@code config} asks for to {@code kernel}'s machine; trace text goes to {@code stderr} without --trace-file. */
    public static Tracing attach(KernelInspector kernel, TraceConfig config, PrintWriter stderr) {
        if (!config.enabled()) return new Tracing(null, null, null, null, null);
        Writer traceFile = config.file().map(p -> open(p, "--trace-file")).orElse(null);
        Writer perfettoFile = config.perfetto().map(p -> open(p, "--perfetto")).orElse(null);
        TraceSink sink = config.kinds().isEmpty() ? null
                : new TraceSink(traceFile != null ? new PrintWriter(traceFile) : stderr, config.format());
        var cpus = kernel.machine().cpus();
        Optional<TklRuntime> rt = kernel.image().runtime();
        long tklStart = rt.map(r -> r.text().virtualStart()).orElse(0L), tklEnd = rt.map(r -> r.text().virtualEnd()).orElse(0L);
        List<StepObserver> observers = new ArrayList<>();
        if (config.has(TraceKind.INSN)) observers.add(new InsnObserver(kernel.image(), cpus, sink, tklStart, tklEnd));
        if (config.has(TraceKind.MMU)) observers.add(new MmuObserver(kernel.image(), cpus, sink));
        if (config.has(TraceKind.INT)) observers.add(new IntObserver(kernel.image(), cpus, sink));
        PerfettoRecorder perfetto = perfettoFile == null ? null : new PerfettoRecorder(kernel);
        List<SwitchListener> listeners = perfetto == null ? List.of() : List.of(perfetto);
        if (config.has(TraceKind.SWITCH) || perfetto != null)
            observers.add(new SwitchObserver(kernel, config.has(TraceKind.SWITCH) ? sink : null, listeners));
        if (config.has(TraceKind.STMT) && kernel.image().sourceMap().isPresent()) {
            rt.ifPresent(r -> r.setStepping(true));
            observers.add(new StmtObserver(kernel.image().sourceMap().get(), sink));
        }
        if (perfetto != null) observers.add(perfetto);
        TraceHook hook = new TraceHook(observers);
        var previous = kernel.machine().hook();
        kernel.machine().setHook(previous == null ? hook : new ChainedHook(previous, hook));
        return new Tracing(hook, sink, traceFile, perfetto, perfettoFile);
    }

    /** After the run: pending events are written, files flushed and closed, the Perfetto JSON written. */
    public void finish() {
        if (hook == null) return;
        hook.finish();
        try {
            if (sink != null) sink.flush();
            if (traceFile != null) traceFile.close();
            if (perfetto != null) {
                perfettoFile.write(JsonWriter.write(perfetto.json()));
                perfettoFile.write('\n');
                perfettoFile.close();
            }
        } catch (IOException e) {
            throw new BadInputException("cannot write the trace: " + e.getMessage());
        }
    }

    /** Events written to the trace (0 when not tracing). */
    public long events() { return sink == null ? 0 : sink.events(); }

    private static Writer open(Path p, String option) {
        try {
            return Files.newBufferedWriter(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BadInputException(option + ": cannot write " + p + ": " + e.getMessage());
        }
    }
}
