package dev.tk86.tools.inspect.stack;

import dev.tk86.kernel.srcmap.SiteInfo;
import java.util.List;
import java.util.Optional;

/**
 * One frame of a backtrace. For x86 code: the symbol and offset of {@code pc}. For TKL code:
 * the function, the site (file:line:column of the statement running, or for a caller the
 * call it is in), and its parameters and locals. {@code rbp} is the frame pointer its
 * variables are read from (0 when it has none: x86 code, or TKL before its prologue ran).
 */
public record Frame(int level, long pc, long rbp, boolean tkl, String function, long offset, Optional<SiteInfo> site,
                    List<Variable> variables) {

    public List<Variable> parameters() { return variables.stream().filter(Variable::isParameter).toList(); }

    public List<Variable> locals() { return variables.stream().filter(v -> !v.isParameter()).toList(); }

    /** {@code file:line} of a TKL frame, else empty. */
    public Optional<String> fileLine() { return site.map(s -> s.file() + ":" + s.line()); }

    /** {@code name+0x12} (x86) or the TKL function's name. */
    public String where() {
        if (tkl || offset == 0) return function;
        return String.format("%s+0x%x", function, offset);
    }
}
