package dev.tk86.kernel.srcmap;

import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.LoweredProgram;
import dev.tk86.kernel.lower.Step;
import dev.tk86.kernel.lower.StepKind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Site address -> file:line:column and function, and per function its frame layout: what
 * the debugger, backtraces, traces and shadow-memory reports use to talk about TKL code.
 */
public final class SourceMap {
    private final List<FunctionMap> byAddress;
    private final Map<String, FunctionMap> byName = new HashMap<>();

    private SourceMap(List<FunctionMap> functions) {
        List<FunctionMap> sorted = new ArrayList<>(functions);
        sorted.sort(Comparator.comparingLong(FunctionMap::start));
        this.byAddress = List.copyOf(sorted);
        for (FunctionMap f : functions) byName.put(f.name(), f);
    }

    /** Builds the map; {@code starts} gives each TKL function's address (its ELF symbol). */
    public static SourceMap of(LoweredProgram program, Map<String, Long> starts) {
        List<FunctionMap> out = new ArrayList<>();
        for (LoweredFunction f : program.functions()) {
            Long start = starts.get(f.name());
            if (start == null) throw new IllegalArgumentException("no address for function '" + f.name() + "'");
            List<SiteInfo> sites = new ArrayList<>();
            for (Step s : f.steps()) {
                sites.add(new SiteInfo(f.name(), s.site(), start + s.site(), s.kind(), s.pos().path(), s.pos().line(), s.pos().col()));
            }
            var pos = f.function().symbol().pos();
            out.add(new FunctionMap(f.name(), start, f.frameSize(), f.slots(), List.copyOf(sites), pos.path(), pos.line()));
        }
        return new SourceMap(out);
    }

    public List<FunctionMap> functions() { return byAddress; }

    public Optional<FunctionMap> function(String name) { return Optional.ofNullable(byName.get(name)); }

    /** The function whose range holds {@code address}. */
    public Optional<FunctionMap> functionAt(long address) {
        int lo = 0, hi = byAddress.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            FunctionMap f = byAddress.get(mid);
            if (Long.compareUnsigned(address, f.start()) < 0) hi = mid - 1;
            else if (Long.compareUnsigned(address, f.end()) >= 0) lo = mid + 1;
            else return Optional.of(f);
        }
        return Optional.empty();
    }

    public Optional<SiteInfo> site(long address) {
        return functionAt(address).map(f -> f.sites().get((int) (address - f.start())));
    }

    /**
     * For a return address found on the stack (a caller's frame in a backtrace): the call it
     * returns from. A call step is always followed by its return site, so that is the site
     * just before the return address, as debuggers look up {@code return address - 1}.
     */
    public Optional<SiteInfo> callerSite(long returnAddress) { return site(returnAddress - 1); }

    /**
     * Where to stop for a breakpoint on {@code file:line}: the sites that start a statement
     * (or the prologue / implicit return) on that line, lowest address first.
     */
    public List<SiteInfo> breakpointSites(String file, int line) {
        List<SiteInfo> out = new ArrayList<>();
        for (FunctionMap f : byAddress) {
            for (SiteInfo s : f.sites()) {
                boolean stop = s.kind() == StepKind.STATEMENT || s.kind() == StepKind.ENTRY || s.kind() == StepKind.END;
                if (stop && s.line() == line && s.file().equals(file)) out.add(s);
            }
        }
        return out;
    }

    /** {@code "kern/kern_exit.tk:42:5 in exit1 (site 7, statement)"}, or the address in hex. */
    public String describe(long address) {
        return site(address).map(SiteInfo::toString).orElse(String.format("0x%x", address));
    }
}
