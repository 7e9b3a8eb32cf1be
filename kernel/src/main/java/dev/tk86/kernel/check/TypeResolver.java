package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Attr;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.FieldDecl;
import dev.tk86.kernel.ast.TypeExpr;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.layout.LayoutRules;
import dev.tk86.kernel.layout.StructLayout;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves written types and computes struct layouts on demand. A struct that contains
 * itself by value (directly, through an array, or through other structs) has no finite size:
 * that is reported once, at the field that closes the cycle.
 */
final class TypeResolver {
    /** Arrays larger than this are surely a mistake (and would overflow size arithmetic). */
    static final long MAX_OBJECT_SIZE = 1L << 40;

    private final Checker c;
    private final Diagnostics diags;
    /** Structs whose layout is being computed, innermost last, with the field being laid out. */
    private final Deque<String> active = new ArrayDeque<>();
    private final Set<String> reportedCycles = new HashSet<>();

    TypeResolver(Checker c, Diagnostics diags) {
        this.c = c;
        this.diags = diags;
    }

    /** {@code void} is accepted only where {@code allowVoid} (pointee, or "no result"). */
    Type resolve(TypeExpr t, boolean allowVoid) {
        if (t instanceof TypeExpr.Prim p) {
            Type r = Types.primitive(p.name());
            if (r instanceof Type.Void && !allowVoid) {
                diags.error(p.pos(), "void can only be pointed to (*void); it has no values");
                return Types.ERROR;
            }
            return r;
        }
        if (t instanceof TypeExpr.Named n) {
            Sym s = c.lookup(n.name());
            if (s instanceof Sym.StructSym ss) return ss.type;
            if (s != null) {
                diags.error(n.pos(), "'" + n.name() + "' is " + Checker.kind(s) + ", not a type");
            } else {
                diags.error(n.pos(), "unknown type '" + n.name() + "'" + Suggest.hint(n.name(), c.structNames()));
            }
            return Types.ERROR;
        }
        if (t instanceof TypeExpr.Ptr p) {
            Type target = resolve(p.target(), true);
            return Types.isError(target) ? target : new Type.Ptr(target);
        }
        if (t instanceof TypeExpr.Array a) {
            Type elem = resolve(a.element(), false);
            long n = constPositive(a.length(), "array length");
            if (n < 0 || Types.isError(elem)) return Types.ERROR;
            // A struct being laid out that holds an array of itself: the field check reports the cycle.
            if (activeInside(elem)) return new Type.Array(n, elem);
            if (!complete(elem, a.pos())) return Types.ERROR;
            if (elem.size() > 0 && n > MAX_OBJECT_SIZE / elem.size()) {
                diags.error(a.pos(), "array of " + n + " x " + elem + " is too large");
                return Types.ERROR;
            }
            return new Type.Array(n, elem);
        }
        TypeExpr.Fn f = (TypeExpr.Fn) t;
        List<Type> ps = new ArrayList<>();
        boolean bad = false;
        for (TypeExpr pt : f.params()) {
            Type r = scalar(pt, "a function pointer parameter");
            bad |= Types.isError(r);
            ps.add(r);
        }
        Type result = f.result() == null ? Types.VOID : result(f.result());
        if (bad || Types.isError(result)) return Types.ERROR;
        if (ps.size() > Checker.MAX_PARAMS) {
            diags.error(f.pos(), "function pointer type has " + ps.size() + " parameters; at most "
                    + Checker.MAX_PARAMS + " are supported (arguments travel in registers)");
            return Types.ERROR;
        }
        return new Type.Fn(List.copyOf(ps), result);
    }

    /** A parameter type: must fit a register. */
    Type scalar(TypeExpr t, String what) {
        Type r = resolve(t, false);
        if (!Types.isError(r) && !r.isScalar()) {
            diags.error(t.pos(), what + " cannot have type " + r + " (only integers, bool and pointers; pass a pointer)");
            return Types.ERROR;
        }
        return r;
    }

    /** A result type: a scalar; "-> void" is spelled by leaving the arrow out. */
    Type result(TypeExpr t) {
        if (t instanceof TypeExpr.Prim p && p.name().equals("void")) {
            diags.error(p.pos(), "leave out '-> T' for a function that returns nothing");
            return Types.ERROR;
        }
        return scalar(t, "a function result");
    }

    /** Constant integer >= 1, or -1 after reporting. */
    long constPositive(Expr e, String what) {
        Val v = c.constExpr(e);
        if (v == null) return -1;
        if (!Types.isIntLike(v.type())) {
            diags.error(e.pos(), what + " must be an integer constant, found " + v.type());
            return -1;
        }
        BigInteger n = v.constant();
        if (n.signum() <= 0 || n.bitLength() > 62) {
            diags.error(e.pos(), what + " must be positive, found " + n);
            return -1;
        }
        return n.longValue();
    }

    /**
     * Makes sure every struct held by value inside {@code t} has its layout; false (reported
     * at {@code use}) when one of them is still being laid out, i.e. its size depends on itself.
     */
    boolean complete(Type t, Pos use) {
        if (t instanceof Type.Array a) return complete(a.element(), use);
        if (!(t instanceof Type.Struct st)) return true;
        Sym.StructSym s = (Sym.StructSym) c.lookup(st.name());
        if (s.state == Sym.State.ACTIVE) {
            diags.error(use, "the size of struct " + s.name() + " depends on itself here");
            return false;
        }
        layout(s);
        return true;
    }

    private boolean activeInside(Type t) {
        if (t instanceof Type.Array a) return activeInside(a.element());
        return t instanceof Type.Struct st && c.lookup(st.name()).state == Sym.State.ACTIVE;
    }

    /** Computes the layout of {@code s} if not done yet (callers check it is not ACTIVE). */
    void layout(Sym.StructSym s) {
        if (s.state != Sym.State.NEW) return;
        s.state = Sym.State.ACTIVE;
        active.addLast(s.name());
        List<LayoutRules.Member> members = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (FieldDecl f : s.fields) {
            if (!seen.add(f.name())) diags.error(f.pos(), "duplicate field '" + f.name() + "' in struct " + s.name());
            active.addLast(s.name() + "." + f.name());
            Type t = resolve(f.type(), false);
            boolean cyclic = containsActive(t, f.pos());
            active.removeLast();
            if (cyclic) t = Types.ERROR;
            long align = alignAttr(f.attrs());
            members.add(new LayoutRules.Member(f.name(), t, Math.max(align, 0)));
        }
        long structAlign = alignAttr(s.decl.attrs());
        active.removeLast();
        s.type.ref().set(LayoutRules.layout(s.name(), members, Math.max(structAlign, 0)));
        s.state = Sym.State.DONE;
    }

    /** Lays out by-value structs inside {@code t}; true if one of them is being laid out (a cycle). */
    private boolean containsActive(Type t, Pos fieldPos) {
        if (t instanceof Type.Array a) return containsActive(a.element(), fieldPos);
        if (!(t instanceof Type.Struct st)) return false;
        Sym.StructSym inner = (Sym.StructSym) c.lookup(st.name());
        if (inner.state == Sym.State.ACTIVE) {
            reportCycle(inner, fieldPos);
            return true;
        }
        layout(inner);
        return false;
    }

    private void reportCycle(Sym.StructSym s, Pos at) {
        List<String> path = new ArrayList<>();
        boolean on = false;
        for (String step : active) {
            if (step.equals(s.name())) on = true;
            if (on && step.contains(".")) path.add(step);
        }
        String chain = String.join(" -> ", path) + " -> " + s.name();
        if (reportedCycles.add(chain)) {
            diags.error(at, "struct " + s.name() + " contains itself by value (" + chain
                    + "): its size would be infinite; use a pointer");
        }
    }

    /** The largest {@code #[align(N)]} among attrs, 0 if none, -1 after an error. */
    long alignAttr(List<Attr> attrs) {
        long best = 0;
        for (Attr a : attrs) {
            if (a instanceof Attr.Align al) {
                long n = constPositive(al.value(), "alignment");
                if (n < 0) return -1;
                if (Long.bitCount(n) != 1 || n > 4096) {
                    diags.error(al.value().pos(), "alignment must be a power of two up to 4096, found " + n);
                    return -1;
                }
                best = Math.max(best, n);
            }
        }
        return best;
    }

    /** Layout of a struct type (computing it if needed), or null after reporting at {@code use}. */
    StructLayout layoutOf(Type.Struct t, Pos use) {
        return complete(t, use) ? t.layout() : null;
    }
}
