package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.machine.ExecutionDelegate;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.mem.PhysicalMemory;
import dev.tk86.kernel.codegen.CompiledProgram;
import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.PrintFormat;
import dev.tk86.kernel.srcmap.SourceMap;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The bridge between the emulated CPUs and compiled TKL: registered with
 * {@link Machine#delegate} over the physical range of {@code .text.tkl}, it maps RIP to
 * (function, site) and runs the function's code there. One per machine; the compiled program
 * it runs may be shared. It also carries the per-machine run-time settings (statement
 * stepping, ABI poison), the shadow memory, and the console side of printf and panic.
 */
public final class TklRuntime implements ExecutionDelegate {
    /** What the shadow memory does on a violation. */
    public enum ShadowPolicy { PANIC, REPORT }

    private static final int MAX_RECORDED = 1000;

    private final Machine machine;
    private final CompiledProgram program;
    private final TextRange text;
    private final int[] functionAt;
    private final int[] functionStart;
    private final CompiledFunction[] code;
    private final SourceMap sourceMap;
    private final ShadowMemory shadow = new ShadowMemory();
    private final List<ShadowViolation> violations = new ArrayList<>();
    private long violationCount;
    private boolean stepping;
    /** Breakpoints inside each function: while a function holds any, it runs one step per hand-over. */
    private final int[] breakpointsIn;
    private boolean abiPoison;
    private ShadowPolicy shadowPolicy = ShadowPolicy.PANIC;
    /** True while the shadow memory holds freed ranges: only then is each access checked. */
    boolean shadowOn;

    /**
     * @param starts the address of each TKL function (its ELF symbol); each must lie in
     *               {@code text} with one byte per site, without overlapping another
     */
    public TklRuntime(Machine machine, CompiledProgram program, TextRange text, Map<String, Long> starts) {
        this.machine = machine;
        this.program = program;
        this.text = text;
        List<LoweredFunction> fns = program.functions();
        this.code = program.code().toArray(new CompiledFunction[0]);
        this.functionStart = new int[fns.size()];
        this.breakpointsIn = new int[fns.size()];
        this.functionAt = new int[(int) text.size()];
        Arrays.fill(functionAt, -1);
        for (int i = 0; i < fns.size(); i++) {
            LoweredFunction f = fns.get(i);
            long off = starts.get(f.name()) - text.virtualStart();
            if (off < 0 || off + f.siteCount() > text.size())
                throw new IllegalArgumentException("function '" + f.name() + "' lies outside .text.tkl");
            functionStart[i] = (int) off;
            for (int k = 0; k < f.siteCount(); k++) {
                if (functionAt[(int) off + k] >= 0)
                    throw new IllegalArgumentException("functions '" + fns.get(functionAt[(int) off + k]).name() + "' and '" + f.name() + "' overlap");
                functionAt[(int) off + k] = i;
            }
        }
        Map<String, Long> fnStarts = new HashMap<>();
        for (LoweredFunction f : fns) fnStarts.put(f.name(), starts.get(f.name()));
        this.sourceMap = SourceMap.of(program.lowered(), fnStarts);
    }

    /** Registers this runtime for the physical range of {@code .text.tkl}. */
    public TklRuntime attach() {
        machine.delegate(text.physicalStart(), text.physicalEnd(), this);
        return this;
    }

    public Machine machine() { return machine; }

    public CompiledProgram program() { return program; }

    public SourceMap sourceMap() { return sourceMap; }

    public TextRange text() { return text; }

    // ---- settings

    /** Statement stepping: every execute() runs exactly one step. Default off (fast mode). */
    public void setStepping(boolean on) { stepping = on; }

    public boolean stepping() { return stepping; }

    /**
     * A debugger put a breakpoint on the site at {@code address} (or took one away, with
     * {@code added} false). Fast mode runs forward steps of a function inside one hand-over,
     * where the executor cannot see them; the function holding a breakpoint therefore runs
     * step by step, and every other function keeps its speed. Addresses outside TKL are ignored.
     */
    public void breakpointChanged(long address, boolean added) {
        long off = address - text.virtualStart();
        if (Long.compareUnsigned(off, text.size()) >= 0) return;
        int fi = functionAt[(int) off];
        if (fi < 0) return;
        breakpointsIn[fi] = Math.max(0, breakpointsIn[fi] + (added ? 1 : -1));
    }

    /**
     * ABI poison: every TKL return overwrites rcx, rdx, rsi, rdi, r8-r11 (and rax when no value
     * is returned) with {@code 0xdead000000000000 | register number}, so x86 code that relies
     * on a caller-saved register across a call into TKL breaks at once. Default off.
     */
    public void setAbiPoison(boolean on) { abiPoison = on; }

    public boolean abiPoison() { return abiPoison; }

    public void setShadowPolicy(ShadowPolicy p) { shadowPolicy = p; }

    public ShadowMemory shadow() { return shadow; }

    /** The first {@value #MAX_RECORDED} shadow-memory violations, in order. */
    public List<ShadowViolation> violations() { return List.copyOf(violations); }

    public long violationCount() { return violationCount; }

    // ---- execution

    @Override
    public void execute(Cpu cpu) {
        long rip = cpu.rip;
        long off = rip - text.virtualStart();
        if (Long.compareUnsigned(off, text.size()) >= 0) off = aliasOffset(cpu, rip);
        int fi = functionAt[(int) off];
        if (fi < 0) throw GuestFault.ud(String.format("rip 0x%x in .text.tkl is not inside a TKL function", rip));
        int site = (int) off - functionStart[fi];
        code[fi].run(cpu, this, rip - site, site, !stepping && breakpointsIn[fi] == 0);
    }

    /** RIP reaches .text.tkl through another virtual mapping of the same frames: use the physical offset. */
    private long aliasOffset(Cpu cpu, long rip) {
        long pa = cpu.mmu.fetchPage(rip) | (rip & PhysicalMemory.PAGE_MASK);
        long off = pa - text.physicalStart();
        if (Long.compareUnsigned(off, text.size()) >= 0)
            throw GuestFault.ud(String.format("rip 0x%x (physical 0x%x) is outside .text.tkl", rip, pa));
        return off;
    }

    /** For the generated dispatchers: a site number that does not exist (never happens for a checked image). */
    public static GuestFault badSite(int site) {
        return GuestFault.ud("TKL site " + site + " does not exist in its function");
    }

    // ---- console, panic

    /** printf: formats on the host and writes the bytes to the console, as port 0xE9 writes would. */
    public void printf(Cpu cpu, int format, long[] args) {
        put(Printf.format(this, cpu, program.lowered().formats().get(format), args));
    }

    /** panic(format, ...): prints "panic: message" and stops the machine. */
    public void panic(Cpu cpu, int format, long[] args) {
        PrintFormat f = program.lowered().formats().get(format);
        panic(cpu, Printf.format(this, cpu, f, args));
    }

    public void assertFailed(Cpu cpu, String message) { panic(cpu, message); }

    public void unreachable(Cpu cpu, String what) { panic(cpu, what + " at " + sourceMap.describe(cpu.rip)); }

    private void panic(Cpu cpu, String message) {
        if (machine.isStopped()) return;
        put("panic: " + message + "\n");
        machine.panic(cpu, message);
    }

    private void put(String s) {
        for (int i = 0; i < s.length(); i++) machine.console().put(s.charAt(i));
    }

    // ---- shadow memory

    /** shadow_alloc(p, size, kind): {@code kind} is a NUL-terminated string in guest memory. */
    public void shadowAlloc(Cpu cpu, long p, long size, long kind) {
        String k = kind == 0 ? "memory" : Printf.string(this, cpu, kind);
        shadow.alloc(p, size, k);
        shadowOn = shadow.anyFreed();
    }

    public void shadowFree(Cpu cpu, long p, long size) {
        ShadowMemory.Region again = shadow.free(p, size);
        if (again != null) report(new ShadowViolation(ShadowViolation.Kind.DOUBLE_FREE, cpu.id, cpu.rip,
                sourceMap.describe(cpu.rip), p, size, true, again.toString()));
        shadowOn = shadow.anyFreed();
    }

    /** Called by {@link Mem} for every TKL access while anything is freed. */
    void shadowAccess(Cpu cpu, long va, int size, boolean write) {
        ShadowMemory.Region r = shadow.freedAt(va, size);
        if (r == null) return;
        report(new ShadowViolation(ShadowViolation.Kind.USE_AFTER_FREE, cpu.id, cpu.rip, sourceMap.describe(cpu.rip),
                va, size, write, r.toString()));
    }

    private void report(ShadowViolation v) {
        violationCount++;
        if (violations.size() < MAX_RECORDED) violations.add(v);
        if (shadowPolicy == ShadowPolicy.PANIC) {
            Cpu cpu = machine.cpu(v.cpu());
            panic(cpu, "shadow memory: " + v.describe());
        }
    }
}
