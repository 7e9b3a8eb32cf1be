package dev.tk86.tools.inspect;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.expr.Evaluator;
import dev.tk86.tools.inspect.proc.ProcessTable;
import dev.tk86.tools.inspect.proc.ThreadInfo;
import dev.tk86.tools.inspect.stack.BacktraceFormat;
import dev.tk86.tools.inspect.stack.Frame;
import dev.tk86.tools.inspect.stack.Unwinder;
import java.util.List;
import java.util.Optional;

/**
 * The kernel as one CPU sees it (its page tables, its GS base, its registers): what a
 * debugger's {@code p}, {@code bt} and {@code ps} need. Reading never changes the machine.
 */
public final class CpuView {
    private final KernelImage image;
    private final Cpu cpu;
    private final GuestMemory memory;
    private final TypedReader reader;
    private final ValueFormat format;

    CpuView(KernelImage image, Cpu cpu) {
        this.image = image;
        this.cpu = cpu;
        this.memory = new GuestMemory(cpu);
        this.reader = new TypedReader(memory);
        this.format = new ValueFormat(reader, image);
    }

    public Cpu cpu() { return cpu; }

    public KernelImage image() { return image; }

    public GuestMemory memory() { return memory; }

    public TypedReader reader() { return reader; }

    public ValueFormat format() { return format; }

    /** An expression in the kernel's global scope, e.g. {@code curcpu()->ci_cpuid}. */
    public Value evaluate(String expression) { return new Evaluator(image, reader, Optional.empty()).evaluate(expression); }

    /** An expression in the scope of a TKL frame of {@link #backtrace()} (its parameters and locals first). */
    public Value evaluate(String expression, Frame frame) { return new Evaluator(image, reader, Optional.of(frame)).evaluate(expression); }

    /** {@code p EXPR}: the value formatted as {@link ValueFormat} does. */
    public String print(String expression) { return format.format(evaluate(expression)); }

    public String print(String expression, Frame frame) { return format.format(evaluate(expression, frame)); }

    /** A typed value of global {@code name}. */
    public Value global(String name) {
        return Value.at(image.globalType(name).orElseThrow(() -> InspectException.of("no TKL global '%s'", name)), image.address(name));
    }

    public List<Frame> backtrace() { return new Unwinder(image, memory).backtrace(); }

    /** A backtrace from a saved context (e.g. a switched-out thread's pc, rsp and rbp). */
    public List<Frame> backtrace(long pc, long rsp, long rbp) { return new Unwinder(image, memory).backtrace(pc, rsp, rbp, null); }

    public String backtraceText() { return backtraceFormat().text(backtrace()); }

    public BacktraceFormat backtraceFormat() { return new BacktraceFormat(format); }

    public ProcessTable processTable() { return new ProcessTable(image, reader, cpu.machine.cpus()); }

    /** ps: every thread the kernel has (empty on a kernel without processes). */
    public List<ThreadInfo> threads() { return processTable().threads(); }

    /** The thread this CPU runs ({@code ci_curproc}), if the kernel has one there. */
    public Optional<ThreadInfo> curproc() {
        ProcessTable t = processTable();
        return t.supported() ? t.curproc(cpu).map(t::thread) : Optional.empty();
    }
}
