package dev.tk86.tools.trace;

import static dev.tk86.tools.trace.TraceEvent.field;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.srcmap.SourceMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code stmt}: one event per TKL step, with its file:line:column, function and site kind.
 * The runtime is put in statement stepping while this traces, so every step reaches the hook
 * (the same steps run either way; docs/tkl.md 17.4).
 */
final class StmtObserver implements StepObserver {
    private final SourceMap sources;
    private final TraceSink sink;

    StmtObserver(SourceMap sources, TraceSink sink) {
        this.sources = sources;
        this.sink = sink;
    }

    @Override
    public void beforeStep(Cpu cpu) {
        Optional<SiteInfo> s = sources.site(cpu.rip);
        if (s.isEmpty()) return;
        SiteInfo i = s.get();
        sink.accept(new TraceEvent(TraceKind.STMT, cpu.id, cpu.steps, List.of(field("", i.position()), field("", i.function()),
                field("", i.kind().name().toLowerCase(Locale.ROOT)))));
    }
}
