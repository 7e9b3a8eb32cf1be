package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.typed.GlobalDef;
import dev.tk86.kernel.typed.GlobalVar;
import dev.tk86.kernel.typed.Reloc;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a global's initialiser into the bytes of its .data entry. Allowed: integer and bool
 * constants, null, string literals, function names, and addresses of globals (and of their
 * fields and constant-indexed elements), which become R_X86_64_64 relocations. What the
 * linker cannot compute (anything read at run time) is an error.
 */
final class GlobalInits {
    private final Checker c;

    GlobalInits(Checker c) { this.c = c; }

    private record Address(String symbol, long addend) {}

    GlobalDef define(GlobalVar var, Expr init) {
        Type t = var.type();
        if (init == null || Types.isError(t)) return new GlobalDef(var, null, List.of());
        if (t instanceof Type.Struct || t instanceof Type.Array) {
            c.diags().error(init.pos(), "struct and array globals cannot have an initialiser; they start zero-filled");
            return new GlobalDef(var, null, List.of());
        }
        ExprChecker ec = new ExprChecker(c, null);
        Val v = ec.check(init, t);
        TExpr e = ec.coerce(v, t, init.pos(), "the initialiser of '" + var.name() + "'");
        if (Types.isError(e.type())) return new GlobalDef(var, null, List.of());
        byte[] data = new byte[(int) t.size()];
        List<Reloc> relocs = new ArrayList<>();
        if (e instanceof TExpr.Const k) {
            put(data, k.value());
        } else if (e instanceof TExpr.Null) {
            // zero
        } else {
            Address a = address(e);
            if (a == null) {
                c.diags().error(init.pos(), "the initialiser of global '" + var.name() + "' is not a link-time constant"
                        + " (allowed: constants, null, string literals, functions, &global)");
                return new GlobalDef(var, null, List.of());
            }
            relocs.add(new Reloc(0, a.symbol(), a.addend()));
        }
        boolean zero = relocs.isEmpty();
        for (byte b : data) zero &= b == 0;
        return new GlobalDef(var, zero ? null : data, List.copyOf(relocs));
    }

    private static void put(byte[] data, long v) {
        for (int i = 0; i < data.length; i++) data[i] = (byte) (v >>> (8 * i));
    }

    /** The symbol+addend an address constant stands for, or null if it is not one. */
    private Address address(TExpr e) {
        if (e instanceof TExpr.Str s) return new Address(s.literal().symbol(), 0);
        if (e instanceof TExpr.FuncRef f) return new Address(f.function().name(), 0);
        if (e instanceof TExpr.Convert cv && (cv.type() instanceof Type.Ptr || cv.type() instanceof Type.Fn
                || cv.type().equals(Types.U64) || cv.type().equals(Types.I64))) {
            return address(cv.operand());
        }
        if (e instanceof TExpr.AddrOf a) return place(a.lvalue());
        if (e instanceof TExpr.PtrOffset p && p.offset() instanceof TExpr.Const k) {
            Address base = address(p.pointer());
            return base == null ? null : new Address(base.symbol(), base.addend() + k.value() * p.scale());
        }
        return null;
    }

    private Address place(TExpr lv) {
        if (lv instanceof TExpr.GlobalRef g) return new Address(g.global().name(), 0);
        if (lv instanceof TExpr.FieldRef f) {
            Address base = place(f.base());
            return base == null ? null : new Address(base.symbol(), base.addend() + f.field().offset());
        }
        if (lv instanceof TExpr.IndexRef i && i.index() instanceof TExpr.Const k) {
            Address base = place(i.array());
            return base == null ? null : new Address(base.symbol(), base.addend() + k.value() * i.type().size());
        }
        if (lv instanceof TExpr.Deref d) return address(d.pointer());
        return null;
    }

}
