package dev.tk86.tools.trace;

import dev.tk86.tools.BadInputException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a trace records (issue 10, item 2); users name them in lower case, comma-separated. */
public enum TraceKind {
    /** one line per x86 instruction: its disassembly and the registers it changed */
    INSN,
    /** one line per TKL statement: file:line:column and function */
    STMT,
    /** one line per cpu_switchto: CPU, old and new thread, %cr3 and ci_proc_pmap before and after */
    SWITCH,
    /** page walks, TLB flushes (%cr3 loads, invlpg, full flushes) and TLB shootdowns */
    MMU,
    /** every exception and interrupt: vector, error code, RIP, CR2 */
    INT;

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** {@code "switch,mmu"}; {@code "all"} is every kind. */
    public static Set<TraceKind> parse(String list) {
        Set<TraceKind> out = EnumSet.noneOf(TraceKind.class);
        for (String part : list.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.equals("all")) { out.addAll(EnumSet.allOf(TraceKind.class)); continue; }
            boolean found = false;
            for (TraceKind k : values()) if (k.label().equals(p)) { out.add(k); found = true; }
            if (!found) throw new BadInputException("--trace: unknown kind '" + part.strip() + "' (kinds: insn, stmt, switch, mmu, int, all)");
        }
        return out;
    }
}
