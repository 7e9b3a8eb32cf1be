package dev.tk86.kernel.check;

import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The intrinsics: built-in functions that map to machine operations on the executing CPU.
 * This table is the single definition of their names and signatures; the checker types calls
 * against it and the code generator implements each constant. Their names are reserved.
 *
 * <p>Argument kinds: an exact type (integer constants adapt, narrower integers widen), any
 * pointer ({@code *void} position), an atomic pointer ({@code *u32 | *u64}, and for
 * load/store/cas/add/swap also {@code *i32 | *i64}), the pointee type of argument 0, a
 * format string literal, and the printf arguments it describes.
 */
public enum Intrinsic {
    CURCPU("curcpu", List.of(), Ret.CPU_INFO, "the executing CPU's struct cpu_info (its GS base)"),
    RCR3("rcr3", List.of(), Ret.u64(), "read %cr3"),
    LCR3("lcr3", List.of(Arg.exact(Types.U64)), Ret.none(), "write %cr3 (flushes non-global TLB entries)"),
    INVLPG("invlpg", List.of(Arg.exact(Types.U64)), Ret.none(), "invalidate the TLB entry of one virtual address"),
    INTR_DISABLE("intr_disable", List.of(), Ret.u64(), "cli; returns the previous RFLAGS"),
    INTR_RESTORE("intr_restore", List.of(Arg.exact(Types.U64)), Ret.none(), "restore RFLAGS.IF from a value of intr_disable"),
    INTR_ENABLE("intr_enable", List.of(), Ret.none(), "sti"),
    ATOMIC_LOAD("atomic_load", List.of(Arg.ATOMIC_PTR), Ret.POINTEE, "load *p"),
    ATOMIC_STORE("atomic_store", List.of(Arg.ATOMIC_PTR, Arg.POINTEE), Ret.none(), "store v to *p"),
    ATOMIC_CAS("atomic_cas", List.of(Arg.ATOMIC_PTR, Arg.POINTEE, Arg.POINTEE), Ret.POINTEE,
            "if *p == expected then *p = new; returns the old *p (lock cmpxchg)"),
    ATOMIC_ADD("atomic_add", List.of(Arg.ATOMIC_PTR, Arg.POINTEE), Ret.POINTEE, "*p += v; returns the new *p (lock xadd)"),
    ATOMIC_SWAP("atomic_swap", List.of(Arg.ATOMIC_PTR, Arg.POINTEE), Ret.POINTEE, "*p = v; returns the old *p (xchg)"),
    ATOMIC_SETBITS("atomic_setbits", List.of(Arg.ATOMIC_UPTR, Arg.POINTEE), Ret.none(), "*p |= bits (lock or)"),
    ATOMIC_CLEARBITS("atomic_clearbits", List.of(Arg.ATOMIC_UPTR, Arg.POINTEE), Ret.none(), "*p &= ~bits (lock and)"),
    PAUSE("pause", List.of(), Ret.none(), "spin-wait hint"),
    HLT("hlt", List.of(), Ret.none(), "halt until the next interrupt"),
    RDTSC("rdtsc", List.of(), Ret.u64(), "the step-counted time-stamp counter"),
    IPI_SEND("ipi_send", List.of(Arg.exact(Types.U32), Arg.exact(Types.U8)), Ret.none(),
            "send a fixed IPI with a vector to one CPU (by APIC id)"),
    IPI_BROADCAST("ipi_broadcast", List.of(Arg.exact(Types.U8)), Ret.none(), "send a fixed IPI to all CPUs but this one"),
    OUTB("outb", List.of(Arg.exact(Types.U16), Arg.exact(Types.U8)), Ret.none(), "out to an I/O port"),
    OUTW("outw", List.of(Arg.exact(Types.U16), Arg.exact(Types.U16)), Ret.none(), "out to an I/O port"),
    OUTL("outl", List.of(Arg.exact(Types.U16), Arg.exact(Types.U32)), Ret.none(), "out to an I/O port"),
    INB("inb", List.of(Arg.exact(Types.U16)), Ret.of(Types.U8), "in from an I/O port"),
    INW("inw", List.of(Arg.exact(Types.U16)), Ret.of(Types.U16), "in from an I/O port"),
    INL("inl", List.of(Arg.exact(Types.U16)), Ret.of(Types.U32), "in from an I/O port"),
    MEMCPY("memcpy", List.of(Arg.ANY_PTR, Arg.ANY_PTR, Arg.exact(Types.U64)), Ret.none(), "copy n bytes (regions must not overlap)"),
    MEMSET("memset", List.of(Arg.ANY_PTR, Arg.exact(Types.U8), Arg.exact(Types.U64)), Ret.none(), "fill n bytes"),
    PRINTF("printf", List.of(Arg.FORMAT, Arg.REST), Ret.none(), "console output; %d %u %x %p %s %c, checked at compile time"),
    PANIC("panic", List.of(Arg.FORMAT, Arg.REST), Ret.none(), "print 'panic: ...' and stop the machine; never returns"),
    KASSERT("KASSERT", List.of(Arg.exact(Types.BOOL)), Ret.none(), "panic with the condition's text and file:line when false"),
    SHADOW_ALLOC("shadow_alloc", List.of(Arg.ANY_PTR, Arg.exact(Types.U64), Arg.exact(Types.STRING)), Ret.none(),
            "mark [p, p+size) allocated in shadow memory; kind names the allocator in reports"),
    SHADOW_FREE("shadow_free", List.of(Arg.ANY_PTR, Arg.exact(Types.U64)), Ret.none(),
            "mark [p, p+size) freed (poisoned) in shadow memory");

    /** How one argument is typed. */
    public sealed interface Arg {
        record Exact(Type type) implements Arg {}
        /** Any pointer (or null); passed as its address. */
        record AnyPtr() implements Arg {}
        /** Pointer to u32/u64 (and i32/i64 unless {@code unsignedOnly}). */
        record AtomicPtr(boolean unsignedOnly) implements Arg {}
        /** The pointee type of argument 0. */
        record Pointee() implements Arg {}
        /** A string literal. */
        record Format() implements Arg {}
        /** The remaining arguments, typed against the format string. */
        record Rest() implements Arg {}

        Arg ANY_PTR = new AnyPtr();
        Arg ATOMIC_PTR = new AtomicPtr(false);
        Arg ATOMIC_UPTR = new AtomicPtr(true);
        Arg POINTEE = new Pointee();
        Arg FORMAT = new Format();
        Arg REST = new Rest();

        static Arg exact(Type t) { return new Exact(t); }
    }

    /** The result type. */
    public sealed interface Ret {
        /** {@code Types.VOID} for "returns nothing". */
        record Of(Type type) implements Ret {}
        /** The pointee type of argument 0. */
        record Pointee() implements Ret {}
        /** {@code *cpu_info}: needs a {@code struct cpu_info} in the tree. */
        record CpuInfo() implements Ret {}

        Ret POINTEE = new Pointee();
        Ret CPU_INFO = new CpuInfo();

        static Ret of(Type t) { return new Of(t); }
        static Ret none() { return new Of(Types.VOID); }
        static Ret u64() { return new Of(Types.U64); }
    }

    public final String tklName;
    public final List<Arg> args;
    public final Ret result;
    public final String doc;

    Intrinsic(String tklName, List<Arg> args, Ret result, String doc) {
        this.tklName = tklName;
        this.args = args;
        this.result = result;
        this.doc = doc;
    }

    /** True for intrinsics that never return (panic). */
    public boolean noReturn() { return this == PANIC; }

    /** True when the argument list ends with printf-style variadic arguments. */
    public boolean variadic() { return !args.isEmpty() && args.get(args.size() - 1) instanceof Arg.Rest; }

    private static final Map<String, Intrinsic> BY_NAME = new HashMap<>();

    static {
        for (Intrinsic i : values()) BY_NAME.put(i.tklName, i);
    }

    /** The intrinsic called {@code name} in TKL source, or null. */
    public static Intrinsic byName(String name) { return BY_NAME.get(name); }

    /** A human-readable signature, e.g. {@code atomic_cas(p: *u32|*u64|*i32|*i64, expected: T, new: T) -> T}. */
    public String signature() {
        StringBuilder sb = new StringBuilder(tklName).append('(');
        for (int i = 0; i < args.size(); i++) {
            if (i > 0) sb.append(", ");
            Arg a = args.get(i);
            if (a instanceof Arg.Exact e) sb.append(e.type());
            else if (a instanceof Arg.AnyPtr) sb.append("*T");
            else if (a instanceof Arg.AtomicPtr ap) sb.append(ap.unsignedOnly() ? "*u32|*u64" : "*u32|*u64|*i32|*i64");
            else if (a instanceof Arg.Pointee) sb.append("T");
            else if (a instanceof Arg.Format) sb.append("\"format\"");
            else sb.append("...");
        }
        sb.append(')');
        if (result instanceof Ret.Of o && !(o.type() instanceof Type.Void)) sb.append(" -> ").append(o.type());
        else if (result instanceof Ret.Pointee) sb.append(" -> T");
        else if (result instanceof Ret.CpuInfo) sb.append(" -> *cpu_info");
        return sb.toString();
    }
}
