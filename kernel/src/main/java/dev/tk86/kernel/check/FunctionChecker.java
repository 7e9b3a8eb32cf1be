package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.AssignOp;
import dev.tk86.kernel.ast.Decl;
import dev.tk86.kernel.ast.Param;
import dev.tk86.kernel.ast.Stmt;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.layout.LayoutRules;
import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.FunctionSymbol;
import dev.tk86.kernel.typed.Local;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.typed.TStmt;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks one function body: scopes and locals (each given its own frame slot), statements,
 * loops, returns, and whether control can fall off the end.
 */
final class FunctionChecker {
    /**
     * Largest frame (bytes of parameters and locals) a function may have. Kernel stacks are a
     * few pages (USPACE minus the PCB), shared by a whole call chain and interrupt frames.
     */
    static final long MAX_FRAME = 4096;

    private record Checked(TStmt stmt, boolean completes) {}

    private static final class Loop {
        boolean hasBreak;
    }

    private final Checker c;
    private final Diagnostics diags;
    private final FunctionSymbol sym;
    private final Decl.Fn decl;
    private final ExprChecker ec;
    private final Deque<Map<String, Local>> scopes = new ArrayDeque<>();
    private final List<Local> locals = new ArrayList<>();
    private final Deque<Loop> loops = new ArrayDeque<>();
    private long used;

    FunctionChecker(Checker c, FunctionSymbol sym, Decl.Fn decl) {
        this.c = c;
        this.diags = c.diags();
        this.sym = sym;
        this.decl = decl;
        this.ec = new ExprChecker(c, this);
    }

    Local findLocal(String name) {
        for (Map<String, Local> s : scopes) {
            Local l = s.get(name);
            if (l != null) return l;
        }
        return null;
    }

    TreeSet<String> visibleLocals() {
        TreeSet<String> out = new TreeSet<>();
        for (Map<String, Local> s : scopes) out.addAll(s.keySet());
        return out;
    }

    CheckedFunction check() {
        scopes.push(new LinkedHashMap<>());
        List<Param> params = decl.params();
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            Type t = i < sym.type().params().size() ? sym.type().params().get(i) : Types.ERROR;
            if (scopes.peek().containsKey(p.name())) continue; // duplicate already reported with the signature
            declare(p.name(), t, Math.min(i, Checker.MAX_PARAMS), p.pos());
        }
        List<TStmt> body = new ArrayList<>();
        boolean completes = stmts(decl.body().stmts(), body);
        scopes.pop();
        if (completes && !(sym.type().result() instanceof Type.Void) && !Types.isError(sym.type().result())) {
            diags.error(decl.body().end(), "missing return at the end of '" + sym.name() + "' (it returns "
                    + sym.type().result() + ")");
        }
        if (used > MAX_FRAME) {
            Local biggest = locals.stream().max((a, b) -> Long.compare(a.type().size(), b.type().size())).orElseThrow();
            diags.error(decl.pos(), "frame of '" + sym.name() + "' needs " + used + " bytes of locals, over the "
                    + MAX_FRAME + "-byte limit (kernel stacks are small); largest: '" + biggest.name() + "' ("
                    + biggest.type().size() + " bytes)");
        }
        TStmt.Block block = new TStmt.Block(List.copyOf(body), decl.body().pos(), decl.body().end());
        return new CheckedFunction(sym, List.copyOf(locals), block, LayoutRules.alignUp(used, 16), completes,
                decl.body().end());
    }

    private Local declare(String name, Type t, int paramIndex, Pos pos) {
        if (Intrinsic.byName(name) != null) {
            diags.error(pos, "'" + name + "' is the name of an intrinsic and cannot name a variable");
        }
        Map<String, Local> scope = scopes.peek();
        Local prev = scope.get(name);
        if (prev != null) {
            diags.error(pos, "'" + name + "' is already declared in this scope (at line " + prev.pos().line() + ")");
        }
        long size = Types.isError(t) ? 8 : t.size();
        long align = Types.isError(t) ? 8 : t.align();
        used = LayoutRules.alignUp(used + size, align);
        Local l = new Local(name, t, locals.size(), -used, paramIndex, pos);
        locals.add(l);
        if (prev == null) scope.put(name, l);
        return l;
    }

    /** Checks a statement list into {@code out}; returns whether control can reach its end. */
    private boolean stmts(List<Stmt> in, List<TStmt> out) {
        boolean completes = true;
        for (Stmt s : in) {
            Checked r = stmt(s);
            if (r.stmt() != null) out.add(r.stmt());
            if (!r.completes()) completes = false;
        }
        return completes;
    }

    private Checked block(Stmt.Block b) {
        scopes.push(new LinkedHashMap<>());
        List<TStmt> out = new ArrayList<>();
        boolean completes = stmts(b.stmts(), out);
        scopes.pop();
        return new Checked(new TStmt.Block(List.copyOf(out), b.pos(), b.end()), completes);
    }

    private Checked stmt(Stmt s) {
        if (s instanceof Stmt.Block b) return block(b);
        if (s instanceof Stmt.Let l) return new Checked(let(l), true);
        if (s instanceof Stmt.Assign a) return new Checked(assign(a), true);
        if (s instanceof Stmt.ExprStmt e) return exprStmt(e);
        if (s instanceof Stmt.If i) return ifStmt(i);
        if (s instanceof Stmt.While w) return whileStmt(w);
        if (s instanceof Stmt.For f) return forStmt(f);
        if (s instanceof Stmt.Bad) return new Checked(null, false);
        if (s instanceof Stmt.Break b) {
            if (loops.isEmpty()) diags.error(b.pos(), "'break' outside of a loop");
            else loops.peek().hasBreak = true;
            return new Checked(new TStmt.Break(b.pos()), false);
        }
        if (s instanceof Stmt.Continue k) {
            if (loops.isEmpty()) diags.error(k.pos(), "'continue' outside of a loop");
            return new Checked(new TStmt.Continue(k.pos()), false);
        }
        return new Checked(returnStmt((Stmt.Return) s), false);
    }

    private TStmt let(Stmt.Let l) {
        Type declared = null;
        if (l.type() != null) {
            declared = c.types().resolve(l.type(), false);
            if (!c.types().complete(declared, l.type().pos())) declared = Types.ERROR;
        }
        TExpr init = null;
        if (l.init() != null) {
            Val v = ec.check(l.init(), declared);
            if (declared == null) {
                init = ec.scalarValue(v, l.init().pos(), "the initialiser of '" + l.name() + "'");
                declared = init.type();
            } else if (declared instanceof Type.Struct || declared instanceof Type.Array) {
                if (!Types.isError(v.type())) {
                    diags.error(l.init().pos(), "a " + (declared instanceof Type.Struct ? "struct" : "array")
                            + " local cannot be initialised from a value; leave out '= ...' (it starts zero-filled)");
                }
            } else {
                init = ec.coerce(v, declared, l.init().pos(), "the initialiser of '" + l.name() + "'");
            }
        }
        Local local = declare(l.name(), declared, -1, l.namePos());
        return new TStmt.Let(local, init, l.pos());
    }

    private TStmt assign(Stmt.Assign a) {
        Val target = ec.check(a.target(), null);
        Type t = target.type();
        Val value = ec.check(a.value(), t instanceof Type.Int ? t : null);
        if (Types.isError(t)) return new TStmt.Eval(target.expr(), a.pos());
        if (!target.expr().isLvalue()) {
            diags.error(a.target().pos(), "cannot assign to " + ec.describe(a.target(), target)
                    + " (only variables, fields, elements and *pointers can be assigned)");
            return new TStmt.Eval(target.expr(), a.pos());
        }
        if (t instanceof Type.Struct || t instanceof Type.Array) {
            diags.error(a.opPos(), "cannot assign a whole " + (t instanceof Type.Struct ? "struct" : "array")
                    + " (" + t + "); assign its fields or elements, or use memcpy");
            return new TStmt.Eval(target.expr(), a.pos());
        }
        if (a.op() == AssignOp.SET) {
            return new TStmt.Assign(target.expr(), ec.coerce(value, t, a.value().pos(), "the value assigned"), a.pos());
        }
        String opName = "operator " + a.op().symbol;
        if (Types.isError(value.type())) return new TStmt.Eval(target.expr(), a.pos());
        if (t instanceof Type.Ptr p && (a.op() == AssignOp.ADD || a.op() == AssignOp.SUB)) {
            if (!Types.isIntLike(value.type())) {
                diags.error(a.value().pos(), opName + " on a pointer needs an integer, found " + value.type());
                return new TStmt.Eval(target.expr(), a.pos());
            }
            long scale = ec.elementSize(p, a.opPos());
            if (scale < 0) return new TStmt.Eval(target.expr(), a.pos());
            TExpr.BinOp op = a.op() == AssignOp.ADD ? TExpr.BinOp.ADD : TExpr.BinOp.SUB;
            return new TStmt.CompoundAssign(op, target.expr(), ec.toI64(value, a.value().pos()), scale, a.pos());
        }
        if (!(t instanceof Type.Int it)) {
            diags.error(a.opPos(), opName + " needs an integer target, found " + t);
            return new TStmt.Eval(target.expr(), a.pos());
        }
        TExpr.BinOp op = ExprChecker.binOp(a.op().binary);
        TExpr v;
        if (op == TExpr.BinOp.SHL || op == TExpr.BinOp.SHR) {
            if (!Types.isIntLike(value.type())) {
                diags.error(a.value().pos(), "shift count must be an integer, found " + value.type());
                return new TStmt.Eval(target.expr(), a.pos());
            }
            if (value.isConst() && (value.constant().signum() < 0 || value.constant().compareTo(BigInteger.valueOf(it.bits())) >= 0)) {
                diags.error(a.value().pos(), value.constant().signum() < 0 ? "negative shift count " + value.constant()
                        : "shift count " + value.constant() + " is not less than the width of " + it + " (" + it.bits() + " bits)");
                return new TStmt.Eval(target.expr(), a.pos());
            }
            v = value.type() instanceof Type.Untyped ? new TExpr.Const(it, value.constant().longValue(), a.value().pos()) : value.expr();
        } else {
            if ((op == TExpr.BinOp.DIV || op == TExpr.BinOp.REM) && value.isConst() && value.constant().signum() == 0) {
                diags.error(a.opPos(), (op == TExpr.BinOp.DIV ? "division" : "modulo") + " by constant zero");
                return new TStmt.Eval(target.expr(), a.pos());
            }
            v = ec.coerce(value, it, a.value().pos(), "the right side of " + a.op().symbol);
        }
        return new TStmt.CompoundAssign(op, target.expr(), v, 0, a.pos());
    }

    private Checked exprStmt(Stmt.ExprStmt s) {
        Val v = ec.check(s.expr(), null);
        TExpr e = v.expr();
        boolean effect = e instanceof TExpr.Call || e instanceof TExpr.CallIndirect || e instanceof TExpr.IntrinsicCall
                || e instanceof TExpr.Print || e instanceof TExpr.Assert;
        if (!effect && !Types.isError(v.type())) {
            diags.error(s.pos(), "this expression does nothing: its value is unused"
                    + (s.expr() instanceof dev.tk86.kernel.ast.Expr.Binary b && b.op() == dev.tk86.kernel.ast.BinaryOp.EQ
                    ? " (did you mean '=' ?)" : ""));
        }
        boolean noReturn = e instanceof TExpr.Print p && p.intrinsic().noReturn();
        return new Checked(new TStmt.Eval(e, s.pos()), !noReturn);
    }

    private TExpr condition(dev.tk86.kernel.ast.Expr e, String what) {
        Val v = ec.check(e, Types.BOOL);
        if (Types.isError(v.type())) return v.expr();
        if (!(v.type() instanceof Type.Bool)) {
            String hint = Types.isIntLike(v.type()) ? " (compare with != 0)" : v.type() instanceof Type.Ptr ? " (compare with != null)" : "";
            diags.error(e.pos(), "the condition of " + what + " must be bool, found " + v.type() + hint);
            return ExprChecker.errorExpr(e.pos());
        }
        return v.expr();
    }

    private static Boolean constant(TExpr e) {
        return e instanceof TExpr.Const k && k.type() instanceof Type.Bool ? k.value() != 0 : null;
    }

    private Checked ifStmt(Stmt.If s) {
        TExpr cond = condition(s.cond(), "if");
        Boolean k = constant(cond);
        if (k != null) {
            // Like #if: only the branch taken is checked and kept (option-dependent fields may be absent).
            if (k) return block(s.then());
            if (s.orElse() == null) return new Checked(null, true);
            return stmt(s.orElse());
        }
        Checked then = block(s.then());
        if (s.orElse() == null) return new Checked(new TStmt.If(cond, (TStmt.Block) then.stmt(), null, s.pos()), true);
        Checked orElse = stmt(s.orElse());
        TStmt els = orElse.stmt() == null ? null : orElse.stmt();
        return new Checked(new TStmt.If(cond, (TStmt.Block) then.stmt(), els, s.pos()), then.completes() || orElse.completes());
    }

    private Checked whileStmt(Stmt.While s) {
        TExpr cond = condition(s.cond(), "while");
        Loop loop = new Loop();
        loops.push(loop);
        Checked body = block(s.body());
        loops.pop();
        boolean forever = Boolean.TRUE.equals(constant(cond));
        return new Checked(new TStmt.While(cond, (TStmt.Block) body.stmt(), s.pos()), !forever || loop.hasBreak);
    }

    private Checked forStmt(Stmt.For s) {
        scopes.push(new LinkedHashMap<>());
        TStmt init = null;
        if (s.init() != null) {
            if (s.init() instanceof Stmt.Let || s.init() instanceof Stmt.Assign || s.init() instanceof Stmt.ExprStmt) {
                init = stmt(s.init()).stmt();
            }
        }
        TExpr cond = s.cond() == null ? null : condition(s.cond(), "for");
        TStmt step = s.step() == null ? null : stmt(s.step()).stmt();
        Loop loop = new Loop();
        loops.push(loop);
        Checked body = block(s.body());
        loops.pop();
        scopes.pop();
        boolean forever = cond == null || Boolean.TRUE.equals(constant(cond));
        return new Checked(new TStmt.For(init, cond, step, (TStmt.Block) body.stmt(), s.pos()), !forever || loop.hasBreak);
    }

    private TStmt returnStmt(Stmt.Return r) {
        Type result = sym.type().result();
        if (r.value() == null) {
            if (!(result instanceof Type.Void) && !Types.isError(result)) {
                diags.error(r.pos(), "missing return value: '" + sym.name() + "' returns " + result);
            }
            return new TStmt.Return(null, r.pos());
        }
        Val v = ec.check(r.value(), result instanceof Type.Void ? null : result);
        if (result instanceof Type.Void) {
            if (!Types.isError(v.type())) {
                diags.error(r.value().pos(), "'" + sym.name() + "' returns nothing, but a value is returned here"
                        + " (add '-> " + (v.type() instanceof Type.Untyped ? "i64" : v.type()) + "' to its signature)");
            }
            return new TStmt.Return(null, r.pos());
        }
        return new TStmt.Return(ec.coerce(v, result, r.value().pos(), "the returned value"), r.pos());
    }
}
