package dev.tk86.tools.trace;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * What to trace and where: the kinds (empty: no trace), the trace file (empty: standard
 * error), its format, and the Perfetto file (empty: none). With no kinds and no Perfetto file
 * nothing is attached to the machine at all.
 */
public record TraceConfig(Set<TraceKind> kinds, Optional<Path> file, TraceFormat format, Optional<Path> perfetto) {
    public static final TraceConfig NONE = new TraceConfig(Set.of(), Optional.empty(), TraceFormat.TEXT, Optional.empty());

    public TraceConfig {
        kinds = Set.copyOf(kinds);
    }

    public boolean enabled() { return !kinds.isEmpty() || perfetto.isPresent(); }

    public boolean has(TraceKind k) { return kinds.contains(k); }
}
