package dev.tk86.tools.inspect.stack;

import dev.tk86.tools.inspect.ValueFormat;
import java.util.List;

/**
 * A backtrace as text, one frame per line, in gdb's shape so its users read it at once:
 * {@code #1  exit1(p=0x..., rv=0) at kern/kern_exit.tk:120} for TKL,
 * {@code #2  cpu_switchto+0x3c} for x86.
 */
public final class BacktraceFormat {
    private final ValueFormat values;

    public BacktraceFormat(ValueFormat values) { this.values = values; }

    public String line(Frame f) {
        StringBuilder sb = new StringBuilder("#").append(f.level()).append("  ").append(f.where());
        if (f.tkl()) {
            sb.append('(');
            List<Variable> params = f.parameters();
            for (int i = 0; i < params.size(); i++) {
                Variable v = params.get(i);
                sb.append(i == 0 ? "" : ", ").append(v.name()).append('=').append(values.format(v.value()));
            }
            sb.append(')');
            f.fileLine().ifPresent(fl -> sb.append(" at ").append(fl));
        }
        return sb.toString();
    }

    public String text(List<Frame> frames) {
        StringBuilder sb = new StringBuilder();
        for (Frame f : frames) sb.append(line(f)).append('\n');
        return sb.toString();
    }

    /** The locals of a TKL frame, one {@code name = value} per line (gdb's {@code info locals}). */
    public String locals(Frame f) {
        StringBuilder sb = new StringBuilder();
        for (Variable v : f.locals()) sb.append(v.name()).append(" = ").append(values.format(v.value())).append('\n');
        return sb.toString();
    }
}
