package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.BinaryOp;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.UnaryOp;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.layout.StructLayout;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.typed.FunctionSymbol;
import dev.tk86.kernel.typed.Local;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Types expressions, resolves names, folds constants and makes conversions explicit.
 * Typing rules (docs/tkl.md, "Types and conversions"): binary operands must have the same
 * type, except that integer constants adapt to the other operand and a narrower integer
 * widens losslessly to the wider one; nothing ever narrows implicitly.
 */
final class ExprChecker {
    final Checker c;
    final Diagnostics diags;
    /** Null in contexts without locals (constants, globals, array lengths, assym). */
    final FunctionChecker fn;

    ExprChecker(Checker c, FunctionChecker fn) {
        this.c = c;
        this.diags = c.diags();
        this.fn = fn;
    }

    static Val error(Pos pos) { return Val.of(new TExpr.Const(Types.ERROR, 0, pos)); }

    static TExpr errorExpr(Pos pos) { return new TExpr.Const(Types.ERROR, 0, pos); }

    /** {@code expected} (may be null) only guides integer constants that have no type of their own. */
    Val check(Expr e, Type expected) {
        if (e instanceof Expr.IntLit l) return Consts.untyped(l.value(), l.pos());
        if (e instanceof Expr.StrLit s) return Val.of(new TExpr.Str(c.intern(s.bytes(), s.pos()), s.pos()));
        if (e instanceof Expr.BoolLit b) return Consts.bool(b.value(), b.pos());
        if (e instanceof Expr.NullLit n) return Val.of(new TExpr.Null(Types.NULL, n.pos()));
        if (e instanceof Expr.Name n) return name(n);
        if (e instanceof Expr.Unary u) return unary(u, expected);
        if (e instanceof Expr.Binary b) return binary(b, expected);
        if (e instanceof Expr.Cast k) return cast(k);
        if (e instanceof Expr.Call k) return call(k);
        if (e instanceof Expr.Index x) return index(x);
        if (e instanceof Expr.Field f) return field(f);
        if (e instanceof Expr.SizeOf s) return sizeOf(s);
        if (e instanceof Expr.OffsetOf o) return offsetOf(o);
        Expr.Option o = (Expr.Option) e;
        Boolean v = c.conditions().option(o);
        return v == null ? error(o.pos()) : Consts.bool(v, o.pos());
    }

    // ---- conversions

    /**
     * Converts {@code v} to {@code target} where the language does so implicitly: integer
     * constants that fit, lossless integer widening, null to any pointer, and *T to/from *void.
     * {@code what} names the value in messages ("argument 1 of 'f'").
     */
    TExpr coerce(Val v, Type target, Pos pos, String what) {
        Type from = v.type();
        if (Types.isError(from) || Types.isError(target)) return errorExpr(pos);
        if (from.equals(target)) return v.expr();
        if (from instanceof Type.Void) {
            diags.error(pos, what + " has no value: the function called returns nothing");
            return errorExpr(pos);
        }
        if (from instanceof Type.Untyped && target instanceof Type.Int t) {
            if (!Consts.fits(v.constant(), t)) {
                diags.error(pos, "constant " + v.constant() + " is out of range for " + t + " (" + what + ")");
                return errorExpr(pos);
            }
            return Consts.typed(t, v.constant(), pos).expr();
        }
        if (from instanceof Type.NullType && (target instanceof Type.Ptr || target instanceof Type.Fn)) {
            return new TExpr.Null(target, v.expr().pos());
        }
        if (from instanceof Type.Int f && target instanceof Type.Int t && Types.widens(f, t)) {
            if (v.isConst()) return Consts.typed(t, v.constant(), v.expr().pos()).expr();
            return new TExpr.Convert(v.expr(), t, v.expr().pos());
        }
        if (from instanceof Type.Ptr fp && target instanceof Type.Ptr tp && (fp.isOpaque() || tp.isOpaque())) {
            return new TExpr.Convert(v.expr(), target, v.expr().pos());
        }
        diags.error(pos, what + " has type " + from + ", expected " + target + hint(from, target));
        return errorExpr(pos);
    }

    private static String hint(Type from, Type target) {
        if (from instanceof Type.Int && target instanceof Type.Int) return " (convert explicitly with 'as " + target + "')";
        if (from instanceof Type.Untyped && target instanceof Type.Ptr) return " (write null, or cast with 'as')";
        if ((from instanceof Type.Int || from instanceof Type.Untyped) && target instanceof Type.Bool) {
            return " (compare with != 0)";
        }
        if (from instanceof Type.Bool && target instanceof Type.Int) return " (convert with 'as " + target + "')";
        if (from instanceof Type.Ptr && target instanceof Type.Ptr) return " (cast with 'as " + target + "')";
        if (from instanceof Type.Struct || from instanceof Type.Array) {
            return " (struct and array values cannot be copied as a whole; use a pointer or memcpy)";
        }
        return "";
    }

    /** A value with a type of its own: integer constants default to i64 (u64 if they only fit that). */
    TExpr concrete(Val v, Pos pos) {
        if (v.type() instanceof Type.Untyped) {
            Type.Int t = Consts.fits(v.constant(), Types.I64) ? Types.I64 : Types.U64;
            return Consts.typed(t, v.constant(), v.expr().pos()).expr();
        }
        if (v.type() instanceof Type.NullType) {
            diags.error(pos, "the type of null is unknown here; give the variable a pointer type");
            return errorExpr(pos);
        }
        return v.expr();
    }

    /** Like {@link #concrete} but also rejects "no value" and aggregates (which cannot be copied). */
    TExpr scalarValue(Val v, Pos pos, String what) {
        if (v.type() instanceof Type.Void) {
            diags.error(pos, what + " has no value: the function called returns nothing");
            return errorExpr(pos);
        }
        if (v.type() instanceof Type.Struct || v.type() instanceof Type.Array) {
            diags.error(pos, what + " is a whole " + (v.type() instanceof Type.Struct ? "struct" : "array")
                    + " (" + v.type() + "); only scalars can be copied: use a pointer, a field, or memcpy");
            return errorExpr(pos);
        }
        return concrete(v, pos);
    }

    // ---- names

    private Val name(Expr.Name n) {
        if (fn != null) {
            Local l = fn.findLocal(n.name());
            if (l != null) return Val.of(new TExpr.LocalRef(l, n.pos()));
        }
        Sym s = c.lookup(n.name());
        if (s == null) {
            if (Intrinsic.byName(n.name()) != null) {
                diags.error(n.pos(), "intrinsic '" + n.name() + "' can only be called: " + Intrinsic.byName(n.name()).signature());
            } else {
                Set<String> candidates = new TreeSet<>(c.globalNames());
                if (fn != null) candidates.addAll(fn.visibleLocals());
                diags.error(n.pos(), "unknown identifier '" + n.name() + "'" + Suggest.hint(n.name(), candidates));
            }
            return error(n.pos());
        }
        if (s instanceof Sym.ConstSym k) {
            ConstSymbol cs = c.constant(k);
            if (Types.isError(cs.type())) return error(n.pos());
            return new Val(new TExpr.Const(cs.type(), cs.value(), n.pos()), Consts.value(cs.type(), cs.value()));
        }
        if (s instanceof Sym.VarSym v) return Val.of(new TExpr.GlobalRef(c.globalVar(v), n.pos()));
        if (s instanceof Sym.FnSym f) return Val.of(new TExpr.FuncRef(c.function(f), n.pos()));
        diags.error(n.pos(), "'" + n.name() + "' is a struct type, not a value");
        return error(n.pos());
    }

    // ---- unary

    private Val unary(Expr.Unary u, Type expected) {
        Pos pos = u.pos();
        switch (u.op()) {
            case NOT -> {
                Val v = check(u.operand(), Types.BOOL);
                if (Types.isError(v.type())) return v;
                if (!(v.type() instanceof Type.Bool)) {
                    diags.error(pos, "operator ! needs a bool, found " + v.type() + hint(v.type(), Types.BOOL));
                    return error(pos);
                }
                if (v.isConst()) return Consts.bool(v.constant().signum() == 0, pos);
                return Val.of(new TExpr.Unary(TExpr.UnOp.NOT, v.expr(), Types.BOOL, pos));
            }
            case NEG, BITNOT -> {
                Val v = check(u.operand(), expected);
                if (Types.isError(v.type())) return v;
                boolean neg = u.op() == UnaryOp.NEG;
                if (v.type() instanceof Type.Untyped) {
                    if (!neg && expected instanceof Type.Int t) {
                        // ~0 where a u64 is expected means all ones of u64, not the exact -1.
                        TExpr typed = coerce(v, t, pos, "operand of ~");
                        if (Types.isError(typed.type())) return error(pos);
                        return Consts.typed(t, Consts.wrap(v.constant().not(), t), pos);
                    }
                    BigInteger r = neg ? v.constant().negate() : v.constant().not();
                    if (!Consts.fitsUntyped(r)) {
                        diags.error(pos, "constant " + r + " does not fit in 64 bits");
                        return error(pos);
                    }
                    return Consts.untyped(r, pos);
                }
                if (!(v.type() instanceof Type.Int t)) {
                    diags.error(pos, "operator " + u.op().symbol + " needs an integer, found " + v.type());
                    return error(pos);
                }
                if (v.isConst()) return Consts.typed(t, Consts.wrap(neg ? v.constant().negate() : v.constant().not(), t), pos);
                return Val.of(new TExpr.Unary(neg ? TExpr.UnOp.NEG : TExpr.UnOp.BITNOT, v.expr(), t, pos));
            }
            case DEREF -> {
                Val v = check(u.operand(), null);
                if (Types.isError(v.type())) return v;
                if (v.type() instanceof Type.Ptr p) {
                    if (p.isOpaque()) {
                        diags.error(pos, "cannot dereference *void; cast it to a typed pointer first");
                        return error(pos);
                    }
                    return Val.of(new TExpr.Deref(v.expr(), p.target(), pos));
                }
                diags.error(pos, "cannot dereference a value of type " + v.type() + " (not a pointer)");
                return error(pos);
            }
            default -> {
                Val v = check(u.operand(), null);
                if (Types.isError(v.type())) return v;
                if (v.expr() instanceof TExpr.FuncRef f) {
                    diags.error(pos, "'" + f.function().name() + "' is a function; its name alone is already a function pointer (drop the &)");
                    return error(pos);
                }
                if (!v.expr().isLvalue()) {
                    diags.error(pos, "cannot take the address of " + describe(u.operand(), v)
                            + " (only variables, fields, elements and *pointers have addresses)");
                    return error(pos);
                }
                return Val.of(new TExpr.AddrOf(v.expr(), new Type.Ptr(v.type()), pos));
            }
        }
    }

    /** How a message names a non-lvalue. */
    String describe(Expr e, Val v) {
        if (e instanceof Expr.Name n && v.isConst()) return "constant '" + n.name() + "'";
        if (v.isConst()) return "a constant";
        if (e instanceof Expr.Call) return "a call result";
        if (e instanceof Expr.StrLit) return "a string literal";
        return "this expression";
    }

    // ---- binary

    private Val binary(Expr.Binary b, Type expected) {
        BinaryOp op = b.op();
        if (op.isLogical()) return logical(b);
        if (op.isComparison()) return compare(b);
        if (op.isShift()) return shift(b, expected);
        Val l = check(b.left(), expected);
        // Without an integer type from the context, each side's type is the other's context:
        // `va & ~0xfff` with va: u64 means the u64 complement, as `~0` does where a u64 is expected.
        Type context = expected instanceof Type.Int ? expected : l.type() instanceof Type.Int ? l.type() : null;
        Val r = check(b.right(), context);
        if (context == null && l.type() instanceof Type.Untyped && r.type() instanceof Type.Int)
            l = check(b.left(), r.type());
        if (Types.isError(l.type()) || Types.isError(r.type())) return error(b.pos());
        if (op == BinaryOp.ADD || op == BinaryOp.SUB) {
            if (l.type() instanceof Type.Ptr || r.type() instanceof Type.Ptr) return pointerArith(b, l, r);
        }
        Type t = unifyInts(l, r, b.pos(), op.symbol);
        if (Types.isError(t)) return error(b.pos());
        if ((op == BinaryOp.DIV || op == BinaryOp.REM) && r.isConst() && r.constant().signum() == 0) {
            diags.error(b.pos(), (op == BinaryOp.DIV ? "division" : "modulo") + " by constant zero");
            return error(b.pos());
        }
        if (t instanceof Type.Untyped) {
            BigInteger v = exact(op, l.constant(), r.constant());
            if (!Consts.fitsUntyped(v)) {
                diags.error(b.pos(), "constant expression overflows 64 bits (value " + v + ")");
                return error(b.pos());
            }
            return Consts.untyped(v, b.pos());
        }
        Type.Int it = (Type.Int) t;
        TExpr le = coerce(l, it, b.left().pos(), "left operand of " + op.symbol);
        TExpr re = coerce(r, it, b.right().pos(), "right operand of " + op.symbol);
        if (Types.isError(le.type()) || Types.isError(re.type())) return error(b.pos());
        if (l.isConst() && r.isConst()) {
            BigInteger lv = Consts.value(it, ((TExpr.Const) le).value());
            BigInteger rv = Consts.value(it, ((TExpr.Const) re).value());
            if (op == BinaryOp.DIV && it.signed() && lv.equals(Consts.min(it)) && rv.equals(BigInteger.ONE.negate())) {
                diags.error(b.pos(), it + " division overflows (" + lv + " / -1)");
                return error(b.pos());
            }
            return Consts.typed(it, Consts.wrap(exact(op, lv, rv), it), b.pos());
        }
        return Val.of(new TExpr.Binary(binOp(op), le, re, it, b.pos()));
    }

    static TExpr.BinOp binOp(BinaryOp op) {
        return switch (op) {
            case ADD -> TExpr.BinOp.ADD; case SUB -> TExpr.BinOp.SUB; case MUL -> TExpr.BinOp.MUL;
            case DIV -> TExpr.BinOp.DIV; case REM -> TExpr.BinOp.REM; case AND -> TExpr.BinOp.AND;
            case OR -> TExpr.BinOp.OR; case XOR -> TExpr.BinOp.XOR; case SHL -> TExpr.BinOp.SHL;
            case SHR -> TExpr.BinOp.SHR;
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** Exact arithmetic; DIV/REM truncate toward zero, SHR is arithmetic (floor) on exact values. */
    private static BigInteger exact(BinaryOp op, BigInteger a, BigInteger b) {
        return switch (op) {
            case ADD -> a.add(b); case SUB -> a.subtract(b); case MUL -> a.multiply(b);
            case DIV -> a.divide(b); case REM -> a.remainder(b);
            case AND -> a.and(b); case OR -> a.or(b); case XOR -> a.xor(b);
            case SHL -> a.shiftLeft(b.intValueExact()); case SHR -> a.shiftRight(b.intValueExact());
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** The common integer type of two operands, or ERROR after reporting. */
    Type unifyInts(Val l, Val r, Pos pos, String opSym) {
        Type a = l.type();
        Type b = r.type();
        if (!Types.isIntLike(a) || !Types.isIntLike(b)) {
            String hint = a instanceof Type.Bool || b instanceof Type.Bool ? " (bool operands take &&, || and !)" : "";
            diags.error(pos, "operator " + opSym + " needs integer operands, found " + a + " and " + b + hint);
            return Types.ERROR;
        }
        if (a instanceof Type.Untyped) return b;
        if (b instanceof Type.Untyped) return a;
        Type.Int x = (Type.Int) a;
        Type.Int y = (Type.Int) b;
        if (Types.widens(x, y)) return y;
        if (Types.widens(y, x)) return x;
        diags.error(pos, "mismatched operand types " + x + " and " + y + " for operator " + opSym
                + " (convert one with 'as')");
        return Types.ERROR;
    }

    private Val pointerArith(Expr.Binary b, Val l, Val r) {
        boolean sub = b.op() == BinaryOp.SUB;
        if (l.type() instanceof Type.Ptr lp && r.type() instanceof Type.Ptr rp) {
            if (!sub) {
                diags.error(b.pos(), "cannot add two pointers");
                return error(b.pos());
            }
            if (!lp.equals(rp)) {
                diags.error(b.pos(), "cannot subtract pointers of different types " + lp + " and " + rp);
                return error(b.pos());
            }
            long scale = elementSize(lp, b.pos());
            if (scale < 0) return error(b.pos());
            return Val.of(new TExpr.PtrDiff(l.expr(), r.expr(), Math.max(scale, 1), b.pos()));
        }
        boolean ptrLeft = l.type() instanceof Type.Ptr;
        if (sub && !ptrLeft) {
            diags.error(b.pos(), "cannot subtract a pointer from an integer");
            return error(b.pos());
        }
        Val p = ptrLeft ? l : r;
        Val n = ptrLeft ? r : l;
        if (!Types.isIntLike(n.type())) {
            diags.error(b.pos(), "operator " + b.op().symbol + " needs a pointer and an integer, found " + l.type() + " and " + r.type());
            return error(b.pos());
        }
        Type.Ptr pt = (Type.Ptr) p.type();
        long scale = elementSize(pt, b.pos());
        if (scale < 0) return error(b.pos());
        TExpr off = toI64(n, b.pos());
        return Val.of(new TExpr.PtrOffset(p.expr(), off, sub ? -scale : scale, pt, b.pos()));
    }

    /** Size of what {@code p} points to, for scaling; -1 after an error (*void, fn). */
    long elementSize(Type.Ptr p, Pos pos) {
        if (p.isOpaque()) {
            diags.error(pos, "pointer arithmetic on *void; cast to *u8 first");
            return -1;
        }
        if (!c.types().complete(p.target(), pos)) return -1;
        return p.target().size();
    }

    /** An integer index or offset as i64 (sign-extended if signed, reinterpreted if u64). */
    TExpr toI64(Val n, Pos pos) {
        if (n.type() instanceof Type.Untyped) {
            if (!Consts.fits(n.constant(), Types.I64)) {
                diags.error(n.expr().pos(), "offset " + n.constant() + " is out of range for i64");
                return errorExpr(pos);
            }
            return new TExpr.Const(Types.I64, n.constant().longValue(), n.expr().pos());
        }
        Type.Int t = (Type.Int) n.type();
        if (t.equals(Types.I64)) return n.expr();
        if (n.isConst()) return new TExpr.Const(Types.I64, n.constant().longValue(), n.expr().pos());
        return new TExpr.Convert(n.expr(), Types.I64, n.expr().pos());
    }

    private Val logical(Expr.Binary b) {
        Val l = check(b.left(), Types.BOOL);
        Val r = check(b.right(), Types.BOOL);
        boolean bad = false;
        for (Val v : new Val[] {l, r}) {
            if (!Types.isError(v.type()) && !(v.type() instanceof Type.Bool)) {
                diags.error(v.expr().pos(), "operator " + b.op().symbol + " needs bool operands, found " + v.type()
                        + hint(v.type(), Types.BOOL));
                bad = true;
            }
        }
        if (bad || Types.isError(l.type()) || Types.isError(r.type())) return error(b.pos());
        boolean and = b.op() == BinaryOp.LAND;
        if (l.isConst()) {
            boolean lv = l.constant().signum() != 0;
            if (and && !lv) return Consts.bool(false, b.pos());
            if (!and && lv) return Consts.bool(true, b.pos());
            return r;
        }
        if (r.isConst() && (r.constant().signum() != 0) == and) return l;
        return Val.of(new TExpr.Logical(and, l.expr(), r.expr(), b.pos()));
    }

    private Val compare(Expr.Binary b) {
        Val l = check(b.left(), null);
        Val r = check(b.right(), null);
        Pos pos = b.pos();
        if (Types.isError(l.type()) || Types.isError(r.type())) return error(pos);
        TExpr.CmpOp op = switch (b.op()) {
            case EQ -> TExpr.CmpOp.EQ; case NE -> TExpr.CmpOp.NE; case LT -> TExpr.CmpOp.LT;
            case LE -> TExpr.CmpOp.LE; case GT -> TExpr.CmpOp.GT; default -> TExpr.CmpOp.GE;
        };
        boolean equality = op == TExpr.CmpOp.EQ || op == TExpr.CmpOp.NE;
        Type a = l.type();
        Type t = r.type();
        if (Types.isIntLike(a) && Types.isIntLike(t)) {
            Type u = unifyInts(l, r, pos, b.op().symbol);
            if (Types.isError(u)) return error(pos);
            if (l.isConst() && r.isConst()) return Consts.bool(holds(op, l.constant().compareTo(r.constant())), pos);
            return Val.of(new TExpr.Compare(op, coerce(l, u, pos, "left operand"), coerce(r, u, pos, "right operand"), pos));
        }
        if (a instanceof Type.Bool && t instanceof Type.Bool) {
            if (!equality) {
                diags.error(pos, "operator " + b.op().symbol + " cannot compare bools (only == and !=)");
                return error(pos);
            }
            if (l.isConst() && r.isConst()) return Consts.bool(holds(op, l.constant().compareTo(r.constant())), pos);
            return Val.of(new TExpr.Compare(op, l.expr(), r.expr(), pos));
        }
        if (isAddress(a) && isAddress(t)) {
            if (a instanceof Type.NullType && t instanceof Type.NullType) {
                if (!equality) {
                    diags.error(pos, "operator " + b.op().symbol + " cannot order two nulls");
                    return error(pos);
                }
                return Consts.bool(op == TExpr.CmpOp.EQ, pos);
            }
            if ((a instanceof Type.Fn || t instanceof Type.Fn) && !equality) {
                diags.error(pos, "function pointers can only be compared with == and !=");
                return error(pos);
            }
            Type common = a instanceof Type.NullType ? t : t instanceof Type.NullType ? a
                    : a.equals(t) ? a
                    : a instanceof Type.Ptr pa && pa.isOpaque() && t instanceof Type.Ptr ? a
                    : t instanceof Type.Ptr pt && pt.isOpaque() && a instanceof Type.Ptr ? t : null;
            if (common == null) {
                diags.error(pos, "cannot compare " + a + " with " + t + " (cast one side with 'as')");
                return error(pos);
            }
            return Val.of(new TExpr.Compare(op, coerce(l, common, pos, "left operand"), coerce(r, common, pos, "right operand"), pos));
        }
        diags.error(pos, "cannot compare " + a + " with " + t);
        return error(pos);
    }

    private static boolean isAddress(Type t) {
        return t instanceof Type.Ptr || t instanceof Type.Fn || t instanceof Type.NullType;
    }

    private static boolean holds(TExpr.CmpOp op, int cmp) {
        return switch (op) {
            case EQ -> cmp == 0; case NE -> cmp != 0; case LT -> cmp < 0;
            case LE -> cmp <= 0; case GT -> cmp > 0; case GE -> cmp >= 0;
        };
    }

    private Val shift(Expr.Binary b, Type expected) {
        Val l = check(b.left(), expected);
        Val r = check(b.right(), null);
        Pos pos = b.pos();
        if (Types.isError(l.type()) || Types.isError(r.type())) return error(pos);
        if (!Types.isIntLike(l.type()) || !Types.isIntLike(r.type())) {
            diags.error(pos, "operator " + b.op().symbol + " needs integer operands, found " + l.type() + " and " + r.type());
            return error(pos);
        }
        if (r.isConst() && r.constant().signum() < 0) {
            diags.error(b.right().pos(), "negative shift count " + r.constant());
            return error(pos);
        }
        if (l.type() instanceof Type.Untyped && r.isConst()) {
            if (r.constant().compareTo(BigInteger.valueOf(64)) >= 0) {
                diags.error(b.right().pos(), "shift count " + r.constant() + " is too large for a 64-bit constant");
                return error(pos);
            }
            BigInteger v = exact(b.op(), l.constant(), r.constant());
            if (!Consts.fitsUntyped(v)) {
                diags.error(pos, "constant expression overflows 64 bits (value " + v + ")");
                return error(pos);
            }
            return Consts.untyped(v, pos);
        }
        Type.Int t;
        TExpr le;
        if (l.type() instanceof Type.Untyped) {
            t = expected instanceof Type.Int e ? e : Types.I64;
            le = coerce(l, t, b.left().pos(), "left operand of " + b.op().symbol);
            if (Types.isError(le.type())) return error(pos);
        } else {
            t = (Type.Int) l.type();
            le = l.expr();
        }
        TExpr re;
        if (r.isConst()) {
            if (r.constant().compareTo(BigInteger.valueOf(t.bits())) >= 0) {
                diags.error(b.right().pos(), "shift count " + r.constant() + " is not less than the width of " + t
                        + " (" + t.bits() + " bits)");
                return error(pos);
            }
            re = new TExpr.Const(t, r.constant().longValue(), b.right().pos());
            if (l.isConst()) {
                BigInteger lv = Consts.value(t, ((TExpr.Const) le).value());
                return Consts.typed(t, Consts.wrap(exact(b.op(), lv, r.constant()), t), pos);
            }
        } else {
            re = r.expr();
        }
        return Val.of(new TExpr.Binary(binOp(b.op()), le, re, t, pos));
    }

    // ---- casts

    private Val cast(Expr.Cast k) {
        Type target = c.types().resolve(k.type(), false);
        Val v = check(k.operand(), null);
        Pos pos = k.pos();
        if (Types.isError(target) || Types.isError(v.type())) return error(pos);
        Type from = v.type();
        if (from.equals(target)) return v;
        if (from instanceof Type.Void) {
            diags.error(pos, "cannot cast: the function called returns nothing");
            return error(pos);
        }
        if (target instanceof Type.Int t) {
            if (from instanceof Type.Untyped || from instanceof Type.Int) {
                if (v.isConst()) return Consts.typed(t, Consts.wrap(v.constant(), t), pos);
                return Val.of(new TExpr.Convert(v.expr(), t, pos));
            }
            if (from instanceof Type.Bool) {
                if (v.isConst()) return Consts.typed(t, v.constant(), pos);
                return Val.of(new TExpr.Convert(v.expr(), t, pos));
            }
            if (isAddress(from)) {
                if (t.bits() != 64) {
                    diags.error(pos, "a pointer converts only to u64 or i64, not " + t);
                    return error(pos);
                }
                if (from instanceof Type.NullType) return Consts.typed(t, BigInteger.ZERO, pos);
                return Val.of(new TExpr.Convert(v.expr(), t, pos));
            }
        }
        if (target instanceof Type.Ptr || target instanceof Type.Fn) {
            if (from instanceof Type.NullType) return Val.of(new TExpr.Null(target, pos));
            if (from instanceof Type.Ptr || from instanceof Type.Fn) return Val.of(new TExpr.Convert(v.expr(), target, pos));
            if (from instanceof Type.Untyped) {
                TExpr n = new TExpr.Const(Types.U64, Consts.wrap(v.constant(), Types.U64).longValue(), v.expr().pos());
                return Val.of(new TExpr.Convert(n, target, pos));
            }
            if (from instanceof Type.Int i) {
                if (i.bits() != 64) {
                    diags.error(pos, "only u64 or i64 convert to a pointer, not " + i + " (widen it first)");
                    return error(pos);
                }
                return Val.of(new TExpr.Convert(v.expr(), target, pos));
            }
        }
        if (target instanceof Type.Bool && Types.isIntLike(from)) {
            diags.error(pos, "cannot cast " + from + " to bool; compare with != 0");
            return error(pos);
        }
        diags.error(pos, "cannot cast " + from + " to " + target);
        return error(pos);
    }

    // ---- places

    private Val index(Expr.Index x) {
        Val base = check(x.base(), null);
        Val idx = check(x.index(), null);
        Pos pos = x.pos();
        if (Types.isError(base.type()) || Types.isError(idx.type())) return error(pos);
        if (!Types.isIntLike(idx.type())) {
            diags.error(x.index().pos(), "index must be an integer, found " + idx.type());
            return error(pos);
        }
        if (base.type() instanceof Type.Array a) {
            if (idx.isConst() && (idx.constant().signum() < 0 || idx.constant().compareTo(BigInteger.valueOf(a.length())) >= 0)) {
                diags.error(x.index().pos(), "index " + idx.constant() + " is out of bounds for " + a);
                return error(pos);
            }
            if (!base.expr().isLvalue()) {
                diags.error(pos, "cannot index an array value that is not stored in memory");
                return error(pos);
            }
            return Val.of(new TExpr.IndexRef(base.expr(), toI64(idx, pos), a.element(), pos));
        }
        if (base.type() instanceof Type.Ptr p) {
            long scale = elementSize(p, pos);
            if (scale < 0) return error(pos);
            TExpr addr = new TExpr.PtrOffset(base.expr(), toI64(idx, pos), scale, p, pos);
            return Val.of(new TExpr.Deref(addr, p.target(), pos));
        }
        diags.error(pos, "cannot index a value of type " + base.type() + " (only arrays and pointers)");
        return error(pos);
    }

    private Val field(Expr.Field f) {
        Val base = check(f.base(), null);
        Pos pos = f.pos();
        if (Types.isError(base.type())) return base;
        TExpr obj;
        Type.Struct st;
        if (base.type() instanceof Type.Struct s) {
            st = s;
            obj = base.expr();
        } else if (base.type() instanceof Type.Ptr p && p.target() instanceof Type.Struct s) {
            st = s;
            obj = new TExpr.Deref(base.expr(), s, pos);
        } else {
            diags.error(pos, "cannot access field '" + f.field() + "' of a value of type " + base.type()
                    + " (only structs and pointers to structs have fields)");
            return error(pos);
        }
        StructLayout layout = c.types().layoutOf(st, pos);
        if (layout == null) return error(pos);
        FieldLayout fl = layout.field(f.field()).orElse(null);
        if (fl == null) {
            diags.error(pos, "struct " + st.name() + " has no field '" + f.field() + "'"
                    + Suggest.hint(f.field(), layout.fields().stream().map(FieldLayout::name).toList()));
            return error(pos);
        }
        if (!obj.isLvalue()) {
            diags.error(pos, "cannot access a field of a struct value that is not stored in memory");
            return error(pos);
        }
        return Val.of(new TExpr.FieldRef(obj, fl, pos));
    }

    private Val sizeOf(Expr.SizeOf s) {
        Type t = c.types().resolve(s.type(), false);
        if (Types.isError(t) || !c.types().complete(t, s.type().pos())) return error(s.pos());
        return Consts.untyped(BigInteger.valueOf(t.size()), s.pos());
    }

    private Val offsetOf(Expr.OffsetOf o) {
        Type t = c.types().resolve(o.type(), false);
        if (Types.isError(t)) return error(o.pos());
        long offset = 0;
        for (int i = 0; i < o.path().size(); i++) {
            String name = o.path().get(i);
            Pos p = o.pathPos().get(i);
            if (!(t instanceof Type.Struct st)) {
                diags.error(p, "offsetof: " + t + " is not a struct, so it has no field '" + name + "'");
                return error(o.pos());
            }
            StructLayout layout = c.types().layoutOf(st, p);
            if (layout == null) return error(o.pos());
            FieldLayout fl = layout.field(name).orElse(null);
            if (fl == null) {
                diags.error(p, "struct " + st.name() + " has no field '" + name + "'"
                        + Suggest.hint(name, layout.fields().stream().map(FieldLayout::name).toList()));
                return error(o.pos());
            }
            offset += fl.offset();
            t = fl.type();
        }
        return Consts.untyped(BigInteger.valueOf(offset), o.pos());
    }

    // ---- calls

    private Val call(Expr.Call k) {
        if (k.callee() instanceof Expr.Name n && (fn == null || fn.findLocal(n.name()) == null)) {
            Intrinsic in = Intrinsic.byName(n.name());
            if (in != null) return new IntrinsicChecker(this).check(in, k);
            Sym s = c.lookup(n.name());
            if (s instanceof Sym.FnSym f) {
                FunctionSymbol sym = c.function(f);
                List<TExpr> args = args(k, sym.type(), "'" + sym.name() + "'");
                if (args == null) return error(k.pos());
                return Val.of(new TExpr.Call(sym, args, sym.type().result(), k.pos()));
            }
        }
        Val callee = check(k.callee(), null);
        if (Types.isError(callee.type())) {
            for (Expr a : k.args()) check(a, null);
            return error(k.pos());
        }
        if (!(callee.type() instanceof Type.Fn ft)) {
            String what = k.callee() instanceof Expr.Name n ? "'" + n.name() + "'" : "this expression";
            diags.error(k.pos(), "cannot call " + what + ": it has type " + callee.type() + ", not a function type");
            for (Expr a : k.args()) check(a, null);
            return error(k.pos());
        }
        List<TExpr> args = args(k, ft, "the function pointer");
        if (args == null) return error(k.pos());
        return Val.of(new TExpr.CallIndirect(callee.expr(), args, ft.result(), k.pos()));
    }

    /** Checks arity and converts each argument to its parameter type; null after an error. */
    private List<TExpr> args(Expr.Call k, Type.Fn ft, String who) {
        List<Type> ps = ft.params();
        boolean ok = true;
        if (k.args().size() != ps.size()) {
            diags.error(k.pos(), who + " takes " + ps.size() + " argument" + (ps.size() == 1 ? "" : "s") + ", found "
                    + k.args().size());
            ok = false;
        }
        List<TExpr> out = new ArrayList<>();
        for (int i = 0; i < k.args().size(); i++) {
            Expr a = k.args().get(i);
            Type pt = i < ps.size() ? ps.get(i) : null;
            Val v = check(a, pt);
            if (pt == null) continue;
            TExpr e = coerce(v, pt, a.pos(), "argument " + (i + 1) + " of " + who);
            ok &= !Types.isError(e.type());
            out.add(e);
        }
        return ok ? out : null;
    }
}
