package dev.tk86.tools.inspect;

import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;

/**
 * Values as a debugger prints them: integers in decimal (hex from 2^32 up, where they are
 * addresses or masks far more often than counts), pointers in hex with the symbol they point
 * into, byte arrays and *u8 as strings, structs as {@code {field = value, ...}} nested a few
 * levels deep. A part that cannot be read prints as {@code <unreadable: why>} so one bad
 * pointer does not hide the rest of a struct.
 */
public final class ValueFormat {
    private static final int MAX_DEPTH = 3, MAX_ELEMENTS = 32, MAX_STRING = 256;

    private final TypedReader reader;
    private final KernelImage image;

    public ValueFormat(TypedReader reader, KernelImage image) {
        this.reader = reader;
        this.image = image;
    }

    /** Throws InspectException when the value itself cannot be read; unreadable parts inside it are shown as such. */
    public String format(Value v) {
        if (v.inMemory() && v.type().size() > 0) reader.memory().read(v.address(), 1);
        StringBuilder sb = new StringBuilder();
        append(sb, v, 0);
        return sb.toString();
    }

    /** A scalar of type {@code t} given as bits. */
    public String scalar(Type t, long bits) { return format(Value.of(t, bits)); }

    private void append(StringBuilder sb, Value v, int depth) {
        try {
            Type t = v.type();
            if (t instanceof Type.Struct s) struct(sb, v, s, depth);
            else if (t instanceof Type.Array a) array(sb, v, a, depth);
            else if (t instanceof Type.Bool) sb.append(reader.scalar(v) != 0);
            else if (t instanceof Type.Int i) sb.append(integer(i, reader.scalar(v)));
            else if (t instanceof Type.Ptr p) pointer(sb, v, p);
            else if (t instanceof Type.Fn) sb.append(address(reader.scalar(v)));
            else sb.append("<").append(t).append(">");
        } catch (InspectException e) {
            sb.append("<unreadable: ").append(e.getMessage()).append('>');
        }
    }

    static String integer(Type.Int t, long v) {
        if (t.signed()) return Long.toString(v);
        if (Long.compareUnsigned(v, 1L << 32) >= 0) return String.format("0x%x", v);
        return Long.toUnsignedString(v);
    }

    private void pointer(StringBuilder sb, Value v, Type.Ptr p) {
        long a = reader.scalar(v);
        if (a == 0) { sb.append("null"); return; }
        sb.append(address(a));
        if (p.target().equals(Types.U8)) {
            try {
                sb.append(' ').append(quote(reader.memory().cstring(a, MAX_STRING)));
            } catch (InspectException e) {
                sb.append(" <unreadable>");
            }
        }
    }

    /** {@code 0xffffffff80201000 <cpu_info_store>}, or the hex alone when no symbol holds it. */
    public String address(long a) {
        String sym = image.symbolize(a);
        return sym.startsWith("0x") ? String.format("0x%x", a) : String.format("0x%x <%s>", a, sym);
    }

    private void struct(StringBuilder sb, Value v, Type.Struct s, int depth) {
        if (depth >= MAX_DEPTH) { sb.append("{...}"); return; }
        sb.append('{');
        boolean first = true;
        for (FieldLayout f : s.layout().fields()) {
            sb.append(first ? "" : ", ").append(f.name()).append(" = ");
            first = false;
            append(sb, Value.at(f.type(), v.address() + f.offset()), depth + 1);
        }
        sb.append('}');
    }

    private void array(StringBuilder sb, Value v, Type.Array a, int depth) {
        if (a.element().equals(Types.U8) || a.element().equals(Types.I8)) {
            sb.append(quote(reader.string(v, MAX_STRING)));
            return;
        }
        if (depth >= MAX_DEPTH) { sb.append("{...}"); return; }
        sb.append('{');
        long n = Math.min(a.length(), MAX_ELEMENTS);
        for (long i = 0; i < n; i++) {
            if (i > 0) sb.append(", ");
            append(sb, reader.index(v, i), depth + 1);
        }
        if (a.length() > n) sb.append(", ...");
        sb.append('}');
    }

    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) sb.append(String.format("\\x%02x", (int) c));
                    else sb.append(c);
                }
            }
        }
        return sb.append('"').toString();
    }
}
