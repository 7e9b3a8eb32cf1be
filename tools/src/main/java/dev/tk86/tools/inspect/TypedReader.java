package dev.tk86.tools.inspect;

import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;

/** Reads typed values through one CPU's view of memory: scalars, struct fields, pointers, elements. */
public final class TypedReader {
    private final GuestMemory memory;

    public TypedReader(GuestMemory memory) { this.memory = memory; }

    public GuestMemory memory() { return memory; }

    /** The value of a scalar (integer, bool, pointer, function pointer), normalised to its type. */
    public long scalar(Value v) {
        if (!v.type().isScalar()) throw InspectException.of("a value of type %s is not a number or a pointer", v.type());
        if (!v.inMemory()) return v.bits();
        long raw = memory.read(v.address(), (int) v.type().size());
        if (v.type() instanceof Type.Int i) return Types.normalize(i, raw);
        if (v.type() instanceof Type.Bool) return raw != 0 ? 1 : 0;
        return raw;
    }

    /** {@code v.name} for a struct value in memory. */
    public Value field(Value v, String name) {
        if (!(v.type() instanceof Type.Struct s))
            throw InspectException.of("'.%s': a value of type %s has no fields (it is not a struct)", name, v.type());
        FieldLayout f = s.layout().field(name).orElseThrow(() -> InspectException.of(
                "struct %s has no field '%s' (fields: %s)", s.name(), name, fieldNames(s)));
        if (!v.inMemory()) throw InspectException.of("'.%s': the struct is not in memory", name);
        return Value.at(f.type(), v.address() + f.offset());
    }

    /** {@code *p}. */
    public Value deref(Value p) {
        if (!(p.type() instanceof Type.Ptr ptr))
            throw InspectException.of("cannot dereference a value of type %s (not a pointer)", p.type());
        if (ptr.isOpaque()) throw new InspectException("cannot dereference a *void: cast it first (p as *T)");
        long a = scalar(p);
        if (a == 0) throw new InspectException("null pointer of type " + p.type());
        return Value.at(ptr.target(), a);
    }

    /** {@code p->name}. */
    public Value arrow(Value p, String name) { return field(deref(p), name); }

    /** {@code a[i]} for an array in memory or a pointer. */
    public Value index(Value a, long i) {
        if (a.type() instanceof Type.Array arr) {
            if (!a.inMemory()) throw new InspectException("the array is not in memory");
            if (i < 0 || i >= arr.length())
                throw InspectException.of("index %d is outside the array (length %d)", i, arr.length());
            return Value.at(arr.element(), a.address() + i * arr.element().size());
        }
        if (a.type() instanceof Type.Ptr p && !p.isOpaque()) return Value.at(p.target(), scalar(a) + i * p.target().size());
        throw InspectException.of("cannot index a value of type %s", a.type());
    }

    /** The NUL-terminated contents of a byte array or the string a *u8 points to. */
    public String string(Value v, int max) {
        if (v.type() instanceof Type.Array a) return memory.cstring(v.address(), (int) Math.min(max, a.length()));
        return memory.cstring(scalar(v), max);
    }

    static String fieldNames(Type.Struct s) {
        StringBuilder sb = new StringBuilder();
        for (FieldLayout f : s.layout().fields()) sb.append(sb.length() == 0 ? "" : ", ").append(f.name());
        return sb.toString();
    }
}
