package dev.tk86.tools.inspect.expr;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import dev.tk86.loader.elf.Symbol;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.KernelImage;
import dev.tk86.tools.inspect.TypedReader;
import dev.tk86.tools.inspect.Value;
import dev.tk86.tools.inspect.stack.Frame;
import dev.tk86.tools.inspect.stack.Variable;
import java.util.Optional;

/**
 * Evaluates an {@link Expr} on one CPU, in the scope of an optional TKL frame. A name is, in
 * order: a parameter or local of the frame, a TKL global (typed), a TKL constant, ddb's
 * {@code curproc}/{@code curpcb} (the CPU's {@code ci_curproc}/{@code ci_curpcb}), or an ELF
 * symbol without TKL type (a function's address, or a u64 at a data symbol).
 * {@code curcpu()} is the CPU's GS base as {@code *cpu_info}, as the TKL intrinsic is;
 * {@code curproc()} and {@code curpcb()} read the same fields as the names (no guest code runs).
 */
public final class Evaluator {
    private final KernelImage image;
    private final TypedReader reader;
    private final Optional<Frame> frame;

    public Evaluator(KernelImage image, TypedReader reader, Optional<Frame> frame) {
        this.image = image;
        this.reader = reader;
        this.frame = frame;
    }

    public Value evaluate(String source) { return eval(ExprParser.parse(source)); }

    public Value eval(Expr e) {
        if (e instanceof Expr.Number n)
            return Value.of(Long.compareUnsigned(n.value(), Long.MAX_VALUE) > 0 ? Types.U64 : Types.I64, n.value());
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Register r) return Value.of(Types.U64, Registers.read(cpu(), r.name(), r.column()));
        if (e instanceof Expr.Call c) return call(c);
        if (e instanceof Expr.Field f)
            return f.arrow() ? reader.arrow(eval(f.target()), f.field()) : reader.field(eval(f.target()), f.field());
        if (e instanceof Expr.Index i) return reader.index(eval(i.target()), integer(eval(i.index()), i.column()));
        if (e instanceof Expr.Deref d) return reader.deref(eval(d.target()));
        if (e instanceof Expr.AddressOf a) return addressOf(eval(a.target()), a.column());
        if (e instanceof Expr.Negate n) {
            Value v = eval(n.target());
            if (!(v.type() instanceof Type.Int t)) throw at(n.column(), "'-' needs an integer, not " + v.type());
            return Value.of(t, Types.normalize(t, -reader.scalar(v)));
        }
        if (e instanceof Expr.Binary b) return binary(b);
        Expr.Cast c = (Expr.Cast) e;
        return cast(eval(c.target()), resolve(c.type(), c.column()), c.column());
    }

    private Cpu cpu() { return reader.memory().cpu(); }

    private Value name(Expr.Name n) {
        String s = n.name();
        if (frame.isPresent())
            for (Variable v : frame.get().variables()) if (v.name().equals(s)) return v.value();
        Optional<Type> g = image.globalType(s);
        if (g.isPresent()) return Value.at(g.get(), image.address(s));
        Optional<ConstSymbol> c = image.constant(s);
        if (c.isPresent()) return Value.of(c.get().type(), c.get().value());
        if (s.equals("curproc") || s.equals("curpcb")) return cpuField(s, n.column());
        Symbol sym = image.symbol(s).orElseThrow(() -> at(n.column(), "no variable, constant or symbol named '" + s + "'"
                + (frame.isPresent() ? " in " + frame.get().function() + " or the kernel" : " in the kernel")));
        if (sym.isFunction()) return Value.of(Types.OPAQUE_PTR, sym.value());
        return Value.at(Types.U64, sym.value());
    }

    private Value call(Expr.Call c) {
        if (c.function().equals("curcpu")) return curcpu(c.column());
        if (c.function().equals("curproc") || c.function().equals("curpcb")) return cpuField(c.function(), c.column());
        throw at(c.column(), "'" + c.function() + "()': only curcpu(), curproc() and curpcb() can be called in an expression");
    }

    /** ddb's curproc and curpcb: this CPU's ci_curproc / ci_curpcb, read (the kernel's functions are not run). */
    private Value cpuField(String name, int column) {
        Value ci = reader.deref(curcpu(column));
        String field = "ci_" + name;
        if (((Type.Struct) ci.type()).layout().field(field).isEmpty())
            throw at(column, name + ": struct cpu_info has no " + field + " in this kernel");
        return reader.field(ci, field);
    }

    private Value curcpu(int column) {
        Type.Struct ci = image.struct("cpu_info").orElseThrow(() -> at(column, "curcpu(): the kernel declares no struct cpu_info"));
        return Value.of(new Type.Ptr(ci), cpu().gsBase);
    }

    private Value addressOf(Value v, int column) {
        if (!v.inMemory()) throw at(column, "'&' needs something in memory (a variable, field, element or *p)");
        return Value.of(new Type.Ptr(v.type()), v.address());
    }

    private Value binary(Expr.Binary b) {
        Value l = eval(b.left()), r = eval(b.right());
        if (l.type() instanceof Type.Ptr p && r.type() instanceof Type.Int) {
            long scale = p.isOpaque() ? 1 : p.target().size();
            long d = reader.scalar(r) * scale;
            return Value.of(p, b.op() == '+' ? reader.scalar(l) + d : reader.scalar(l) - d);
        }
        if (l.type() instanceof Type.Ptr p && r.type() instanceof Type.Ptr q && b.op() == '-' && p.equals(q)) {
            long scale = p.isOpaque() ? 1 : Math.max(1, p.target().size());
            return Value.of(Types.I64, (reader.scalar(l) - reader.scalar(r)) / scale);
        }
        if (l.type() instanceof Type.Int a && r.type() instanceof Type.Int c) {
            Type.Int t = a.bits() >= c.bits() ? a : c;
            long x = reader.scalar(l), y = reader.scalar(r);
            return Value.of(t, Types.normalize(t, b.op() == '+' ? x + y : x - y));
        }
        throw at(b.column(), "'" + b.op() + "' cannot combine " + l.type() + " and " + r.type());
    }

    private Value cast(Value v, Type to, int column) {
        if (!to.isScalar()) {
            if (v.inMemory() && v.type().size() == to.size()) return Value.at(to, v.address());
            throw at(column, "cannot cast " + v.type() + " to " + to + " (cast a pointer to *" + to + " and dereference it)");
        }
        if (!v.type().isScalar()) throw at(column, "cannot cast a " + v.type() + " to " + to);
        long bits = reader.scalar(v);
        if (to instanceof Type.Int i) bits = Types.normalize(i, bits);
        if (to instanceof Type.Bool) bits = bits != 0 ? 1 : 0;
        return Value.of(to, bits);
    }

    private long integer(Value v, int column) {
        if (!(v.type() instanceof Type.Int)) throw at(column, "an index must be an integer, not " + v.type());
        return reader.scalar(v);
    }

    /** A type name: a built-in scalar, a struct of the kernel, *T or [N]T. */
    public Type resolve(TypeName t, int column) {
        if (t instanceof TypeName.Pointer p) return new Type.Ptr(resolve(p.target(), column));
        if (t instanceof TypeName.Array a) return new Type.Array(a.length(), resolve(a.element(), column));
        String name = ((TypeName.Named) t).name();
        Type prim = Types.primitive(name);
        if (prim != null) return prim;
        return image.struct(name).<Type>map(s -> s)
                .orElseThrow(() -> at(column, "no type named '" + name + "' (a built-in like u64, or a struct of the kernel)"));
    }

    private static InspectException at(int column, String message) {
        return InspectException.of("column %d: %s", column, message);
    }
}
