package dev.tk86.tools.inspect.stack;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.kernel.lower.FrameSlot;
import dev.tk86.kernel.lower.StepKind;
import dev.tk86.kernel.srcmap.FunctionMap;
import dev.tk86.kernel.srcmap.SiteInfo;
import dev.tk86.kernel.srcmap.SourceMap;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import dev.tk86.tools.inspect.GuestMemory;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelImage;
import dev.tk86.tools.inspect.TypedReader;
import dev.tk86.tools.inspect.Value;
import dev.tk86.loader.elf.Symbol;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Walks the rbp chain into a backtrace across x86 and TKL frames. TKL frames always keep the
 * SysV layout (saved rbp at rbp, return address at rbp + 8, docs/tkl.md 17.3), and so do x86
 * functions that start with {@code push %rbp; mov %rsp,%rbp}. For the innermost frame the
 * walk also copes with a function that has not built its frame yet (at its first instruction
 * or TKL site 0, the return address is at rsp) and with assembly that keeps no frame pointer
 * (locore's cpu_switchto): the return address is then the first word above rsp that follows
 * a call, the way ddb finds it. A trap handler's frame (a *trapframe parameter) leads to the
 * interrupted code. The walk ends at a null or non-increasing rbp, an unmapped
 * stack word, a word that is not a return address, or after {@value #MAX_FRAMES} frames.
 */
public final class Unwinder {
    public static final int MAX_FRAMES = 64;
    private static final int MAX_TRAPS = 4;
    private static final String TRAPFRAME = "trapframe";
    private static final int SCAN_WORDS = 64;
    private static final int[] ARG_REGS = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.R8, Reg.R9};

    private final KernelImage image;
    private final GuestMemory memory;
    private final Optional<SourceMap> sources;

    public Unwinder(KernelImage image, GuestMemory memory) {
        this.image = image;
        this.memory = memory;
        this.sources = image.sourceMap();
    }

    /** The backtrace of what the memory's CPU is running now. */
    public List<Frame> backtrace() {
        Cpu c = memory.cpu();
        return backtrace(c.rip, c.r[Reg.RSP], c.r[Reg.RBP], c.r);
    }

    /**
     * A backtrace from a saved context (a thread switched out: the pc its switchframe returns
     * to, and its saved rsp and rbp). {@code regs} (may be null) supply the arguments of a TKL
     * function stopped before its prologue.
     */
    public List<Frame> backtrace(long pc, long rsp, long rbp, long[] regs) {
        List<Frame> out = new ArrayList<>();
        walk(out, pc, rsp, rbp, regs, 0);
        return out;
    }

    /**
     * Appends the frames of one context. A TKL frame that received a {@code *trapframe} (trap()
     * called by locore's alltraps) continues, after the stub's frame, with the interrupted
     * context the trapframe saved, as ddb does: the code that faulted is in the backtrace.
     */
    private void walk(List<Frame> out, long pc, long rsp, long rbp, long[] regs, int traps) {
        Optional<FunctionMap> f = tklFunction(pc);
        long ret, nextRbp;
        Frame frame;
        try {
            if (f.isPresent() && pc == f.get().start()) {
                frame = tklFrame(out.size(), pc, 0, f.get(), regs, true);
                ret = memory.read64(rsp);
                nextRbp = rbp;
            } else if (f.isPresent()) {
                frame = tklFrame(out.size(), pc, rbp, f.get(), null, true);
                ret = memory.read64(rbp + 8);
                nextRbp = memory.read64(rbp);
            } else {
                frame = x86Frame(out.size(), pc);
                long[] caller = x86Caller(pc, rsp, rbp);
                ret = caller == null ? 0 : caller[0];
                nextRbp = caller == null ? 0 : caller[1];
            }
        } catch (InspectException e) {
            if (out.size() < MAX_FRAMES) out.add(f.isPresent() ? tklFrame(out.size(), pc, 0, f.get(), null, true) : x86Frame(out.size(), pc));
            return;
        }
        out.add(frame);
        long prevRbp = 0;
        while (out.size() < MAX_FRAMES) {
            Optional<long[]> trap = trapframe(frame);
            if (trap.isPresent() && traps < MAX_TRAPS) {
                if (ret != 0 && isReturnAddress(ret)) out.add(x86Frame(out.size(), ret));
                long[] t = trap.get();
                if (out.size() < MAX_FRAMES) walk(out, t[0], t[1], t[2], null, traps + 1);
                return;
            }
            if (ret == 0 || !isReturnAddress(ret)) return;
            Optional<FunctionMap> g = tklFunction(ret);
            frame = g.isPresent() ? tklFrame(out.size(), ret, nextRbp, g.get(), null, false) : x86Frame(out.size(), ret);
            out.add(frame);
            if (nextRbp == 0 || (prevRbp != 0 && Long.compareUnsigned(nextRbp, prevRbp) <= 0)) return;
            prevRbp = nextRbp;
            try {
                ret = memory.read64(nextRbp + 8);
                nextRbp = memory.read64(nextRbp);
            } catch (InspectException e) {
                return;
            }
        }
    }

    /** {rip, rsp, rbp} of the interrupted context, if {@code f} is a TKL frame with a *trapframe parameter. */
    private Optional<long[]> trapframe(Frame f) {
        if (!f.tkl()) return Optional.empty();
        for (Variable v : f.parameters()) {
            if (!(v.value().type() instanceof Type.Ptr p) || !(p.target() instanceof Type.Struct s) || !s.name().equals(TRAPFRAME)) continue;
            try {
                TypedReader r = new TypedReader(memory);
                Value tf = r.deref(v.value());
                return Optional.of(new long[] {r.scalar(r.field(tf, "tf_rip")), r.scalar(r.field(tf, "tf_rsp")), r.scalar(r.field(tf, "tf_rbp"))});
            } catch (InspectException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** {return address, caller's rbp} for x86 code at pc, or null if none can be found. */
    private long[] x86Caller(long pc, long rsp, long rbp) {
        Optional<Symbol> sym = image.symbols().containing(pc);
        long start = sym.map(Symbol::value).orElse(pc);
        long off = pc - start;
        if (off == 0) return new long[] {memory.read64(rsp), rbp};
        boolean framed = sym.isPresent() && keepsFramePointer(start);
        if (framed && off == 1) return new long[] {memory.read64(rsp + 8), memory.read64(rsp)};
        if (framed) return new long[] {memory.read64(rbp + 8), memory.read64(rbp)};
        for (int i = 0; i < SCAN_WORDS; i++) {
            long slot = rsp + 8L * i;
            if (!memory.isMapped(slot)) break;
            long w = memory.read64(slot);
            if (isReturnAddress(w)) return new long[] {w, rbp};
        }
        return null;
    }

    /** push %rbp (55); mov %rsp,%rbp (48 89 e5). */
    private boolean keepsFramePointer(long start) {
        try {
            byte[] b = memory.bytes(start, 4);
            return (b[0] & 0xFF) == 0x55 && (b[1] & 0xFF) == 0x48 && (b[2] & 0xFF) == 0x89 && (b[3] & 0xFF) == 0xE5;
        } catch (InspectException e) {
            return false;
        }
    }

    /** A TKL return site, or an x86 address right after a call (E8 rel32, or FF /2 with a 2- to 7-byte encoding). */
    boolean isReturnAddress(long a) {
        Optional<FunctionMap> f = tklFunction(a);
        if (f.isPresent()) {
            Optional<SiteInfo> s = sources.flatMap(m -> m.site(a));
            return s.isPresent() && s.get().kind() == StepKind.RETURN_SITE;
        }
        if (image.symbols().containing(a).filter(Symbol::isFunction).isEmpty()) return false;
        try {
            byte[] b = memory.bytes(a - 7, 7);
            if ((b[2] & 0xFF) == 0xE8) return true;
            for (int len = 2; len <= 7; len++) {
                int op = b[7 - len] & 0xFF, modrm = b[8 - len] & 0xFF;
                if (op == 0xFF && ((modrm >> 3) & 7) == 2) return true;
            }
            return false;
        } catch (InspectException e) {
            return false;
        }
    }

    private Optional<FunctionMap> tklFunction(long pc) { return sources.flatMap(m -> m.functionAt(pc)); }

    private Frame x86Frame(int level, long pc) {
        Optional<Symbol> s = image.symbols().containing(pc);
        String name = s.map(Symbol::name).orElse(String.format("0x%x", pc));
        return new Frame(level, pc, 0, false, name, s.map(x -> pc - x.value()).orElse(0L), Optional.empty(), List.of());
    }

    /**
     * {@code regs} non-null: stopped at site 0, parameters still in their registers.
     * {@code executing}: pc is the site running (innermost or interrupted), not a return address.
     */
    private Frame tklFrame(int level, long pc, long rbp, FunctionMap f, long[] regs, boolean executing) {
        SourceMap m = sources.orElseThrow();
        Optional<SiteInfo> site = executing ? m.site(pc) : m.callerSite(pc);
        List<Variable> vars = new ArrayList<>();
        int arg = 0;
        for (FrameSlot s : f.frame()) {
            if (s.kind() == FrameSlot.Kind.TEMP) continue;
            if (rbp != 0) {
                vars.add(new Variable(s.name(), s.kind(), Value.at(s.type(), rbp + s.offset())));
            } else if (regs != null && s.kind() == FrameSlot.Kind.PARAM && arg < ARG_REGS.length && s.type().isScalar()) {
                long bits = regs[ARG_REGS[arg++]];
                if (s.type() instanceof Type.Int i) bits = Types.normalize(i, bits);
                else if (s.type() instanceof Type.Bool) bits = (bits & 0xFF) != 0 ? 1 : 0;
                vars.add(new Variable(s.name(), s.kind(), Value.of(s.type(), bits)));
            }
        }
        return new Frame(level, pc, rbp, true, f.name(), pc - f.start(), site, List.copyOf(vars));
    }
}
