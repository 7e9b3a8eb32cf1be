package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.ExprPrinter;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.typed.FormatSpec;
import dev.tk86.kernel.typed.StringLiteral;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.ArrayList;
import java.util.List;

/** Types intrinsic calls against the {@link Intrinsic} table, and printf formats against their arguments. */
final class IntrinsicChecker {
    private final ExprChecker ec;
    private final Diagnostics diags;

    IntrinsicChecker(ExprChecker ec) {
        this.ec = ec;
        this.diags = ec.diags;
    }

    Val check(Intrinsic in, Expr.Call k) {
        if (in == Intrinsic.PRINTF || in == Intrinsic.PANIC) return print(in, k);
        String who = "'" + in.tklName + "'";
        if (k.args().size() != in.args.size()) {
            diags.error(k.pos(), "intrinsic " + who + " takes " + in.args.size() + " argument"
                    + (in.args.size() == 1 ? "" : "s") + ", found " + k.args().size() + ": " + in.signature());
            for (Expr a : k.args()) ec.check(a, null);
            return ExprChecker.error(k.pos());
        }
        List<TExpr> args = new ArrayList<>();
        Type pointee = null;
        boolean ok = true;
        for (int i = 0; i < k.args().size(); i++) {
            Expr a = k.args().get(i);
            Intrinsic.Arg kind = in.args.get(i);
            String what = "argument " + (i + 1) + " of " + who;
            TExpr e;
            if (kind instanceof Intrinsic.Arg.Exact x) {
                e = ec.coerce(ec.check(a, x.type()), x.type(), a.pos(), what);
            } else if (kind instanceof Intrinsic.Arg.AnyPtr) {
                Val v = ec.check(a, null);
                if (!Types.isError(v.type()) && !(v.type() instanceof Type.Ptr) && !(v.type() instanceof Type.NullType)) {
                    diags.error(a.pos(), what + " must be a pointer, found " + v.type());
                    e = ExprChecker.errorExpr(a.pos());
                } else {
                    e = ec.coerce(v, Types.OPAQUE_PTR, a.pos(), what);
                }
            } else if (kind instanceof Intrinsic.Arg.AtomicPtr ap) {
                Val v = ec.check(a, null);
                e = v.expr();
                if (!Types.isError(v.type())) {
                    if (v.type() instanceof Type.Ptr p && p.target() instanceof Type.Int t && t.bits() >= 32
                            && (!ap.unsignedOnly() || !t.signed())) {
                        pointee = t;
                    } else {
                        diags.error(a.pos(), what + " must be a pointer to " + (ap.unsignedOnly() ? "u32 or u64" : "u32, u64, i32 or i64")
                                + ", found " + v.type());
                        e = ExprChecker.errorExpr(a.pos());
                    }
                }
            } else {
                // Pointee: the type argument 0 points to.
                if (pointee == null) {
                    ec.check(a, null);
                    e = ExprChecker.errorExpr(a.pos());
                } else {
                    e = ec.coerce(ec.check(a, pointee), pointee, a.pos(), what);
                }
            }
            ok &= !Types.isError(e.type());
            args.add(e);
        }
        if (!ok) return ExprChecker.error(k.pos());
        if (in == Intrinsic.KASSERT) {
            Expr cond = k.args().get(0);
            return Val.of(new TExpr.Assert(args.get(0), ExprPrinter.print(cond), k.pos().path(), k.pos().line(), k.pos()));
        }
        Type result;
        if (in.result instanceof Intrinsic.Ret.Of o) {
            result = o.type();
        } else if (in.result instanceof Intrinsic.Ret.Pointee) {
            result = pointee;
        } else {
            Sym s = ec.c.lookup("cpu_info");
            if (!(s instanceof Sym.StructSym st)) {
                diags.error(k.pos(), "curcpu() returns *cpu_info, but no 'struct cpu_info' is declared");
                return ExprChecker.error(k.pos());
            }
            result = new Type.Ptr(st.type);
        }
        return Val.of(new TExpr.IntrinsicCall(in, List.copyOf(args), result, k.pos()));
    }

    private Val print(Intrinsic in, Expr.Call k) {
        String who = in.tklName;
        if (k.args().isEmpty() || !(k.args().get(0) instanceof Expr.StrLit fmt)) {
            diags.error(k.args().isEmpty() ? k.pos() : k.args().get(0).pos(),
                    "the first argument of " + who + " must be a string literal (the format is checked at compile time)");
            for (Expr a : k.args()) ec.check(a, null);
            return ExprChecker.error(k.pos());
        }
        StringLiteral lit = ec.c.intern(fmt.bytes(), fmt.pos());
        List<FormatSpec> pieces = FormatChecker.parse(fmt.bytes(), fmt.pos(), who, diags);
        List<Expr> rest = k.args().subList(1, k.args().size());
        if (pieces == null) {
            for (Expr a : rest) ec.check(a, null);
            return ExprChecker.error(k.pos());
        }
        int want = FormatChecker.conversions(pieces);
        if (want != rest.size()) {
            diags.error(k.pos(), who + " format \"" + lit.text().replace("\n", "\\n") + "\" expects " + want
                    + " argument" + (want == 1 ? "" : "s") + ", found " + rest.size());
            for (Expr a : rest) ec.check(a, null);
            return ExprChecker.error(k.pos());
        }
        List<TExpr> args = new ArrayList<>();
        boolean ok = true;
        int i = 0;
        for (FormatSpec p : pieces) {
            if (!(p instanceof FormatSpec.Conv conv)) continue;
            Expr a = rest.get(i++);
            TExpr e = argument(conv.conversion(), a, who, i);
            ok &= !Types.isError(e.type());
            args.add(e);
        }
        if (!ok) return ExprChecker.error(k.pos());
        return Val.of(new TExpr.Print(in, lit, List.copyOf(pieces), List.copyOf(args), k.pos()));
    }

    /** One printf argument against its conversion; {@code n} counts from 1 after the format. */
    private TExpr argument(char conv, Expr a, String who, int n) {
        Val v = ec.check(a, null);
        Type t = v.type();
        if (Types.isError(t)) return v.expr();
        String what = who + " argument " + n + " (for %" + conv + ")";
        switch (conv) {
            case 'd', 'u', 'x', 'c' -> {
                if (t instanceof Type.Untyped) {
                    Type.Int d = conv == 'd' ? (Consts.fits(v.constant(), Types.I64) ? Types.I64 : Types.U64)
                            : conv == 'c' ? Types.U8 : Types.U64;
                    return ec.coerce(v, d, a.pos(), what);
                }
                if (t instanceof Type.Int) return v.expr();
                return mismatch(a, what, "an integer", t);
            }
            case 'p' -> {
                if (t instanceof Type.NullType) return new TExpr.Null(Types.OPAQUE_PTR, a.pos());
                if (t instanceof Type.Ptr || t instanceof Type.Fn) return v.expr();
                return mismatch(a, what, "a pointer", t);
            }
            default -> {
                if (t instanceof Type.NullType) return new TExpr.Null(Types.STRING, a.pos());
                if (t.equals(Types.STRING)) return v.expr();
                return mismatch(a, what, "*u8", t);
            }
        }
    }

    private TExpr mismatch(Expr a, String what, String want, Type found) {
        diags.error(a.pos(), what + " must be " + want + ", found " + found);
        return ExprChecker.errorExpr(a.pos());
    }
}
