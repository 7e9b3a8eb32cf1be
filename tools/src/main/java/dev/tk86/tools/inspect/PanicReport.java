package dev.tk86.tools.inspect;

import dev.tk86.tools.inspect.proc.ThreadInfo;
import dev.tk86.tools.inspect.stack.Frame;
import java.util.List;
import java.util.Optional;

/**
 * What a kernel panic leaves for the user (issue 8): the message, the CPU that panicked, the
 * thread it was running (from that CPU's ci_curproc, when the kernel has threads and one was
 * running) and the backtrace across x86 and TKL frames, each frame also as a text line.
 */
public record PanicReport(String message, int cpu, Optional<ThreadInfo> thread, List<Frame> frames, List<String> lines) {

    /** Reads the report from a machine stopped by a panic on {@code cpu}. */
    public static PanicReport read(KernelInspector k, int cpu, String message) {
        CpuView v = k.cpu(cpu);
        Optional<ThreadInfo> thread;
        try {
            thread = v.curproc();
        } catch (InspectException e) {
            thread = Optional.empty();
        }
        List<Frame> frames = v.backtrace();
        List<String> lines = frames.stream().map(v.backtraceFormat()::line).toList();
        return new PanicReport(message, cpu, thread, frames, lines);
    }

    /** {@code pid 3 tid 100003 (forkexit)}, or why there is none. */
    public String threadText() {
        return thread.map(t -> String.format("pid %d tid %d (%s)", t.pid(), t.tid(), t.command()))
                .orElse("no thread (ci_curproc is not set, or the kernel has no threads)");
    }
}
