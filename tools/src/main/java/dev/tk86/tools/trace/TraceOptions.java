package dev.tk86.tools.trace;

import dev.tk86.tools.BadInputException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The trace options as a picocli mixin, so every command that runs a machine (boot, debug,
 * a later replay) offers them alike: {@code @Mixin TraceOptions trace;} then
 * {@code trace.config()}.
 */
public final class TraceOptions {
    /** The names users type for {@link TraceFormat}. */
    public enum FormatName { text, jsonl }

    @Option(names = "--trace", paramLabel = "KINDS",
            description = "trace insn, stmt, switch, mmu, int (comma-separated, or all)")
    String kinds;

    @Option(names = "--trace-file", paramLabel = "FILE", description = "write the trace to FILE (default: standard error)")
    Path file;

    @Option(names = "--trace-format", paramLabel = "text|jsonl", description = "trace lines as text or one JSON object each (default: ${DEFAULT-VALUE})")
    FormatName format = FormatName.text;

    @Option(names = "--perfetto", paramLabel = "FILE",
            description = "write a Chrome trace-event JSON timeline (ui.perfetto.dev): a track per CPU, a slice per running thread")
    Path perfetto;

    public TraceConfig config() {
        Set<TraceKind> k = kinds == null ? Set.of() : TraceKind.parse(kinds);
        if (kinds == null && file != null) throw new BadInputException("--trace-file: needs --trace KINDS");
        return new TraceConfig(k, Optional.ofNullable(file), format == FormatName.jsonl ? TraceFormat.JSONL : TraceFormat.TEXT,
                Optional.ofNullable(perfetto));
    }
}
