package dev.tk86.kernel.layout;

import dev.tk86.kernel.types.Type;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Writes TKL struct layouts as the equivalent C declarations (test support for the gcc comparison). */
final class CStructs {
    private CStructs() {}

    /** C declarator for a member of type {@code t} named {@code name}. */
    static String decl(Type t, String name) {
        if (t instanceof Type.Int i) return (i.signed() ? "int" : "uint") + i.bits() + "_t " + name;
        if (t instanceof Type.Bool) return "_Bool " + name;
        if (t instanceof Type.Void) return "void " + name;
        if (t instanceof Type.Struct s) return "struct " + s.name() + " " + name;
        if (t instanceof Type.Array a) return decl(a.element(), name + "[" + a.length() + "]");
        if (t instanceof Type.Ptr p) {
            boolean paren = p.target() instanceof Type.Array;
            return decl(p.target(), paren ? "(*" + name + ")" : "*" + name);
        }
        Type.Fn f = (Type.Fn) t;
        List<String> ps = new ArrayList<>();
        for (Type pt : f.params()) ps.add(decl(pt, "").trim());
        return decl(f.result(), "(*" + name + ")(" + (ps.isEmpty() ? "void" : String.join(", ", ps)) + ")");
    }

    /**
     * Declarations for every layout, by-value dependencies first; {@code alignAttrs} holds the
     * {@code #[align]} of structs (name) and fields ("struct.field").
     */
    static String declarations(List<StructLayout> structs, Map<String, Long> alignAttrs) {
        StringBuilder sb = new StringBuilder();
        for (StructLayout s : structs) sb.append("struct ").append(s.name()).append(";\n");
        Set<String> done = new LinkedHashSet<>();
        for (StructLayout s : structs) emit(s, structs, alignAttrs, done, sb);
        return sb.toString();
    }

    private static void emit(StructLayout s, List<StructLayout> all, Map<String, Long> attrs, Set<String> done, StringBuilder sb) {
        if (!done.add(s.name())) return;
        for (FieldLayout f : s.fields()) {
            Type t = f.type();
            while (t instanceof Type.Array a) t = a.element();
            if (t instanceof Type.Struct st) {
                for (StructLayout o : all) if (o.name().equals(st.name())) emit(o, all, attrs, done, sb);
            }
        }
        Long sa = attrs.get(s.name());
        sb.append("struct ").append(sa != null ? "__attribute__((aligned(" + sa + "))) " : "").append(s.name()).append(" {\n");
        for (FieldLayout f : s.fields()) {
            Long fa = attrs.get(s.name() + "." + f.name());
            sb.append("    ").append(decl(f.type(), f.name()))
                    .append(fa != null ? " __attribute__((aligned(" + fa + ")))" : "").append(";\n");
        }
        sb.append("};\n");
    }
}
