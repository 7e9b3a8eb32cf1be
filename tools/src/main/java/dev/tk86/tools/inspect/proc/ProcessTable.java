package dev.tk86.tools.inspect.proc;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.types.Type;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelImage;
import dev.tk86.tools.inspect.TypedReader;
import dev.tk86.tools.inspect.Value;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The kernel's threads, read the way ddb's {@code ps} reads them: the list {@code allproc} of
 * struct proc linked through {@code p_list} (or {@code p_list_next}) when the kernel has it (a LIST/TAILQ head, or a
 * plain pointer, whose first pointer member leads on), otherwise the thread each CPU is
 * running ({@code ci_curproc}). A kernel with neither (the smoke kernel) has no threads: the
 * table is empty, not an error. Each thread's process gives pid and command
 * ({@code p_p->ps_pid}, {@code ps_comm}); a P_SYSTEM thread's own {@code p_name}, when
 * set (idle, reaper), names it instead.
 */
public final class ProcessTable {
    private static final int MAX_THREADS = 100_000;
    /** OpenBSD's LIST_ENTRY p_list, or a plain next pointer. */
    private static final String[] LINKS = {"p_list", "p_list_next"};
    private static final Set<String> STATES = Set.of("SIDL", "SRUN", "SSLEEP", "SSTOP", "SZOMB", "SDEAD", "SONPROC");

    private final KernelImage image;
    private final TypedReader reader;
    private final List<Cpu> cpus;

    public ProcessTable(KernelImage image, TypedReader reader, List<Cpu> cpus) {
        this.image = image;
        this.reader = reader;
        this.cpus = cpus;
    }

    /** Whether the kernel has threads at all (a struct proc). */
    public boolean supported() { return image.struct("proc").isPresent(); }

    public List<ThreadInfo> threads() {
        if (!supported()) return List.of();
        Set<Long> procs = new LinkedHashSet<>();
        if (image.globalType("allproc").isPresent()) {
            long p = firstPointer(Value.at(image.globalType("allproc").get(), image.address("allproc")));
            while (p != 0 && procs.size() < MAX_THREADS && procs.add(p)) p = next(p);
        } else {
            for (Cpu c : cpus) curproc(c).ifPresent(procs::add);
        }
        List<ThreadInfo> out = new ArrayList<>();
        for (long p : procs) out.add(thread(p));
        return out;
    }

    /** The thread {@code cpu} is running (its {@code ci_curproc}), if the kernel keeps one and it is set. */
    public Optional<Long> curproc(Cpu cpu) {
        Optional<Type.Struct> ci = image.struct("cpu_info");
        if (ci.isEmpty() || ci.get().layout().field("ci_curproc").isEmpty() || cpu.gsBase == 0) return Optional.empty();
        try {
            long p = reader.scalar(reader.field(Value.at(ci.get(), cpu.gsBase), "ci_curproc"));
            return p == 0 ? Optional.empty() : Optional.of(p);
        } catch (InspectException e) {
            return Optional.empty();
        }
    }

    /** What is known about the struct proc at {@code p}. */
    public ThreadInfo thread(long p) {
        Value proc = Value.at(image.struct("proc").orElseThrow(), p);
        long tid = number(proc, "p_tid"), stat = number(proc, "p_stat"), flags = number(proc, "p_flag");
        long wchan = number(proc, "p_wchan");
        long pid = -1;
        String comm = "";
        Optional<Value> process = member(proc, "p_p");
        if (process.isPresent()) {
            try {
                Value ps = reader.deref(process.get());
                pid = number(ps, "ps_pid");
                Optional<Value> c = member(ps, "ps_comm");
                if (c.isPresent()) comm = reader.string(c.get(), 64);
            } catch (InspectException e) {
                comm = "<unreadable>";
            }
        }
        // a kernel thread's own name (idle, reaper) says more than its process's (swapper)
        long system = image.constant("P_SYSTEM").map(ConstSymbol::value).orElse(0L);
        if (flags > 0 && (flags & system) != 0) {
            String own = member(proc, "p_name").map(n -> reader.string(n, 64)).orElse("");
            if (!own.isEmpty()) comm = own;
        }
        int cpu = -1;
        for (Cpu c : cpus) if (curproc(c).orElse(0L) == p) cpu = c.id;
        return new ThreadInfo(p, pid, tid, comm, stat, stateName(stat), cpu, flags, wchan);
    }

    private String stateName(long stat) {
        if (stat < 0) return "?";
        for (String s : STATES) {
            Optional<ConstSymbol> c = image.constant(s);
            if (c.isPresent() && c.get().value() == stat) return s;
        }
        return Long.toString(stat);
    }

    private Optional<Value> member(Value s, String name) {
        Type.Struct t = (Type.Struct) s.type();
        return t.layout().field(name).isPresent() ? Optional.of(reader.field(s, name)) : Optional.empty();
    }

    private long number(Value s, String name) {
        try {
            return member(s, name).map(reader::scalar).orElse(-1L);
        } catch (InspectException e) {
            return -1;
        }
    }

    /** The next proc after {@code p} on allproc, through p_list. */
    private long next(long p) {
        Value proc = Value.at(image.struct("proc").orElseThrow(), p);
        for (String name : LINKS) {
            Optional<Value> link = member(proc, name);
            if (link.isPresent()) return firstPointer(link.get());
        }
        throw new InspectException("struct proc has no p_list or p_list_next, which allproc is linked through");
    }

    /** A pointer's value, or a struct's first pointer member (lh_first, le_next, tqh_first, tqe_next). */
    private long firstPointer(Value v) {
        if (v.type() instanceof Type.Ptr) return reader.scalar(v);
        if (v.type() instanceof Type.Struct s)
            for (FieldLayout f : s.layout().fields()) if (f.type() instanceof Type.Ptr) return reader.scalar(reader.field(v, f.name()));
        throw InspectException.of("a list link of type %s has no pointer in it", v.type());
    }
}
