package dev.tk86.isa.exec;

import dev.tk86.isa.decode.ByteSource;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.fault.GuestFault;
import dev.tk86.isa.fault.Vector;
import dev.tk86.isa.machine.ExecutionDelegate;
import dev.tk86.isa.machine.Machine;
import dev.tk86.isa.mem.PhysicalMemory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Decoded instructions, cached per physical frame and indexed by offset, so the hot loop never
 * decodes twice. Keyed by physical address, the cache survives CR3 loads and is shared by all
 * CPUs and by every virtual alias of a frame. The first write to a frame that holds decoded
 * code drops that frame's instructions (self-modifying code, a loader writing a new program).
 *
 * <p>Frames inside a delegated range get ops that hand execution to the delegate instead.
 */
public final class CodeCache {
    /** Decoded instructions of one frame. */
    public static final class Frame {
        final Op[] ops = new Op[PhysicalMemory.PAGE_SIZE];
        /** Compiled blocks by start offset, and how often each offset began a step; made on first use. */
        Block[] blocks;
        int[] heat;

        Block[] startCounting() {
            heat = new int[PhysicalMemory.PAGE_SIZE];
            return blocks = new Block[PhysicalMemory.PAGE_SIZE];
        }
    }

    /** A block start is compiled after this many interpreted steps begin there. */
    static final int HOT = 256;
    /** Longest block, in ops: long enough for a loop body, short enough for C2 to inline whole. */
    static final int MAX_BLOCK = 64;
    /** Default of {@link #compileBlocks}: on unless {@code -Dtk86.blocks=false}. */
    private static final boolean BLOCKS_BY_DEFAULT = !"false".equals(System.getProperty("tk86.blocks"));

    private record Delegation(long start, long end, ExecutionDelegate delegate) { }

    /** Decides, each time a CPU reaches a breakpoint's physical address, whether it stops there. */
    @FunctionalInterface
    public interface BreakpointListener { boolean stop(Cpu cpu, long pa); }

    private final Machine machine;
    private final PhysicalMemory mem;
    private final Frame[] frames;
    private final List<Delegation> delegations = new ArrayList<>();
    private final TreeSet<Long> breakpoints = new TreeSet<>();
    private BreakpointListener breakpointListener = (cpu, pa) -> true;
    public long decodes, invalidations, blocksCompiled, blocksRun;

    public void addCounters(dev.tk86.isa.machine.Counters c) {
        c.add("decodes", decodes);
        c.add("code_invalidations", invalidations);
    }

    /**
     * Counters back to zero (a machine reset). The decoded code stays: it is keyed by physical
     * frame and dropped on any write to the frame, so it always matches what memory holds.
     */
    public void resetCounters() { decodes = invalidations = blocksCompiled = blocksRun = 0; }
    /**
     * Whether hot blocks are compiled ({@link Block}). Off, the executor only interprets; the
     * guest cannot tell the two apart (BlockCompilationTest), so this is for tests and measuring.
     */
    public boolean compileBlocks = BLOCKS_BY_DEFAULT;

    public CodeCache(Machine machine) {
        this.machine = machine;
        this.mem = machine.memory();
        this.frames = new Frame[(int) (mem.size() >>> PhysicalMemory.PAGE_SHIFT)];
    }

    /** Physical range [start, end) runs {@code d} instead of machine code. */
    public void delegate(long start, long end, ExecutionDelegate d) {
        delegations.add(new Delegation(start, end, d));
        for (long f = start >>> 12; f <= (end - 1) >>> 12 && f < frames.length; f++) frames[(int) f] = null;
    }

    /** The frame holding physical page {@code pagePa}; null if it is not RAM. */
    public Frame frame(long pagePa) {
        long fn = pagePa >>> PhysicalMemory.PAGE_SHIFT;
        if (fn < 0 || fn >= frames.length) return null;
        Frame f = frames[(int) fn];
        if (f == null) {
            f = frames[(int) fn] = new Frame();
            final Frame made = f;
            mem.watchCode(fn, frameNumber -> {
                if (frames[(int) frameNumber] == made) frames[(int) frameNumber] = null;
                invalidations++;
                // an executor running from this frame holds its ops: make it look again (SDM Vol. 3A, 8.1.3)
                for (Cpu c : machine.cpus()) c.exitRun = true;
            });
            for (Delegation d : delegations) {
                long lo = Math.max(d.start, pagePa), hi = Math.min(d.end, pagePa + PhysicalMemory.PAGE_SIZE);
                Op op = new DelegateOp(d.delegate);
                for (long a = lo; a < hi; a++) f.ops[(int) (a & PhysicalMemory.PAGE_MASK)] = op;
            }
            for (long pa : breakpoints.subSet(pagePa, pagePa + PhysicalMemory.PAGE_SIZE)) install(f, pa);
        }
        return f;
    }

    // --- breakpoints ------------------------------------------------------------------------

    public void setBreakpointListener(BreakpointListener l) { breakpointListener = l; }

    /**
     * A debugger's breakpoint at physical {@code pa}: every CPU that reaches it by any virtual
     * address asks the listener first. The guest cannot see it; there is no limit on how many.
     */
    public void addBreakpoint(long pa) {
        if (!breakpoints.add(pa)) return;
        Frame f = existing(pa);
        if (f != null) install(f, pa);
    }

    public void removeBreakpoint(long pa) {
        if (!breakpoints.remove(pa)) return;
        Frame f = existing(pa);
        if (f == null) return;
        int off = (int) (pa & PhysicalMemory.PAGE_MASK);
        if (f.ops[off] instanceof BreakpointOp b) f.ops[off] = b.inner() instanceof DelegateOp d ? d : null;
        dropBlocks(f);
    }

    public boolean hasBreakpoint(long pa) { return breakpoints.contains(pa); }

    boolean breakpointStops(Cpu cpu, long pa) { return breakpointListener.stop(cpu, pa); }

    private Frame existing(long pa) {
        long fn = pa >>> PhysicalMemory.PAGE_SHIFT;
        return fn >= 0 && fn < frames.length ? frames[(int) fn] : null;
    }

    private void install(Frame f, long pa) {
        int off = (int) (pa & PhysicalMemory.PAGE_MASK);
        Op old = f.ops[off];
        if (old instanceof BreakpointOp) return;
        // a delegated op is kept (it is the same for the whole range); decoded code is decoded again on demand
        f.ops[off] = new BreakpointOp(this, pa, old instanceof DelegateOp ? old : null);
        dropBlocks(f);
    }

    /** Compiled blocks may run across the address: forget them, and make every executor look again. */
    private void dropBlocks(Frame f) {
        f.blocks = null;
        f.heat = null;
        for (Cpu c : machine.cpus()) c.exitRun = true;
    }

    /** The op at virtual {@code rip} (physical {@code pa}) without caching it: what a breakpoint hides. */
    Op decodeUncached(Cpu cpu, long rip, long pa) {
        decodes++;
        int off = (int) (pa & PhysicalMemory.PAGE_MASK);
        byte[] bytes = mem.frame(pa);
        ByteSource src = i -> off + i < PhysicalMemory.PAGE_SIZE ? bytes[off + i] & 0xFF : cpu.mmu.fetchByte(rip + i);
        try {
            return Binder.bind(Decoder.decode(src, rip));
        } catch (DecodeException e) {
            return new FaultOp(e.kind() == DecodeException.Kind.TOO_LONG ? Vector.GP : Vector.UD, e.getMessage());
        }
    }

    /**
     * Decodes and binds the instruction at virtual {@code rip}, physical {@code pa}. It is
     * cached in its frame unless it crosses into the next page (then its bytes depend on two
     * translations, and it is decoded each time it runs, which is rare).
     */
    public Op decode(Cpu cpu, Frame f, long rip, long pa) {
        decodes++;
        int off = (int) (pa & PhysicalMemory.PAGE_MASK);
        byte[] bytes = mem.frame(pa);
        ByteSource src = i -> off + i < PhysicalMemory.PAGE_SIZE ? bytes[off + i] & 0xFF : cpu.mmu.fetchByte(rip + i);
        Op op;
        try {
            Insn insn = Decoder.decode(src, rip, cpu.vendor);
            op = Binder.bind(insn);
            if (off + insn.length() > PhysicalMemory.PAGE_SIZE) return op;
        } catch (DecodeException e) {
            op = new FaultOp(e.kind() == DecodeException.Kind.TOO_LONG ? Vector.GP : Vector.UD, e.getMessage());
        }
        f.ops[off] = op;
        return op;
    }

    /**
     * The block starting at offset {@code off} of {@code f}: its already decoded ops up to one
     * that ends a block, one not yet decoded (or crossing the page end, never cached), a
     * delegated or undecodable one (length 0), the page end or {@link #MAX_BLOCK} ops. Null if
     * that is fewer than two ops, where a block would save nothing.
     */
    Block compile(Frame f, int off) {
        Op[] ops = new Op[MAX_BLOCK];
        int[] starts = new int[MAX_BLOCK];
        int n = 0;
        for (int o = off; n < MAX_BLOCK && o < PhysicalMemory.PAGE_SIZE; ) {
            Op op = f.ops[o];
            if (op == null || op.length == 0) break;
            ops[n] = op;
            starts[n++] = o - off;
            o += op.length;
            if (op.endsBlock()) break;
        }
        if (n < 2) return null;
        blocksCompiled++;
        return BlockCompiler.compile(Arrays.copyOf(ops, n), Arrays.copyOf(starts, n));
    }

    /** An undecodable instruction: raises its fault every time it is reached. */
    static final class FaultOp extends Op {
        private final int vector;
        private final String detail;

        FaultOp(int vector, String detail) { super(0); this.vector = vector; this.detail = detail; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu cpu) {
            throw vector == Vector.GP ? GuestFault.gp(detail) : GuestFault.ud(detail);
        }
    }

    /** Execution handed to a delegate (TKL code). */
    static final class DelegateOp extends Op {
        private final ExecutionDelegate delegate;

        DelegateOp(ExecutionDelegate d) { super(0); this.delegate = d; }

        @Override boolean endsBlock() { return true; }

        @Override public void exec(Cpu cpu) { delegate.execute(cpu); }
    }
}
