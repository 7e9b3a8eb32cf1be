package dev.tk86.kernel.check;

import dev.tk86.kernel.ast.Decl;
import dev.tk86.kernel.ast.Expr;
import dev.tk86.kernel.ast.FieldDecl;
import dev.tk86.kernel.ast.Param;
import dev.tk86.kernel.ast.Unit;
import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.diag.SourceFile;
import dev.tk86.kernel.layout.StructLayout;
import dev.tk86.kernel.typed.Assym;
import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.ConstSymbol;
import dev.tk86.kernel.typed.FunctionSymbol;
import dev.tk86.kernel.typed.GlobalDef;
import dev.tk86.kernel.typed.GlobalVar;
import dev.tk86.kernel.typed.StringLiteral;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole kernel tree for one option set. All files share one namespace; names are
 * resolved lazily so declarations may appear in any order and any file.
 */
final class Checker {
    /** SysV passes six integer arguments in registers; TKL has no stack-passed arguments. */
    static final int MAX_PARAMS = 6;

    private final List<SourceFile> sources;
    private final Options options;
    private final Diagnostics diags;
    private final OptionConditions conditions;
    private final TypeResolver types;
    private final Map<String, Sym> globals = new LinkedHashMap<>();
    private final List<Decl.Assym> assymDecls = new ArrayList<>();
    private final Map<String, StringLiteral> strings = new LinkedHashMap<>();
    private final Map<String, StringLiteral> stringsByContent = new HashMap<>();

    Checker(List<SourceFile> sources, Options options, Diagnostics diags) {
        this.sources = sources;
        this.options = options;
        this.diags = diags;
        this.conditions = new OptionConditions(options, diags);
        this.types = new TypeResolver(this, diags);
    }

    Diagnostics diags() { return diags; }

    TypeResolver types() { return types; }

    OptionConditions conditions() { return conditions; }

    Sym lookup(String name) { return globals.get(name); }

    List<String> structNames() {
        return globals.values().stream().filter(s -> s instanceof Sym.StructSym).map(Sym::name).toList();
    }

    Set<String> globalNames() { return globals.keySet(); }

    /** "a struct", "a constant", ... for messages. */
    static String kind(Sym s) {
        if (s instanceof Sym.StructSym) return "a struct";
        if (s instanceof Sym.ConstSym) return "a constant";
        if (s instanceof Sym.VarSym) return "a variable";
        return "a function";
    }

    // ---- phase 1: declarations

    void declare(List<Unit> units) {
        Map<String, Decl.Assym> assymNames = new HashMap<>();
        for (Unit u : units) {
            for (Decl d : u.decls()) {
                if (!conditions.keep(d.attrs())) continue;
                if (d instanceof Decl.Assym a) {
                    Decl.Assym first = assymNames.putIfAbsent(a.name(), a);
                    if (first != null) {
                        diags.error(a.pos(), "duplicate assym '" + a.name() + "' (first at " + first.pos() + ")");
                    } else {
                        assymDecls.add(a);
                    }
                    continue;
                }
                if (d.name().startsWith("__tkl_")) {
                    diags.error(d.pos(), "names starting with __tkl_ are reserved for the compiler's own symbols");
                    continue;
                }
                if (Intrinsic.byName(d.name()) != null) {
                    diags.error(d.pos(), "'" + d.name() + "' is the name of an intrinsic and cannot be redefined");
                    continue;
                }
                Sym s;
                if (d instanceof Decl.Struct st) {
                    List<FieldDecl> fields = new ArrayList<>();
                    for (FieldDecl f : st.fields()) if (conditions.keep(f.attrs())) fields.add(f);
                    s = new Sym.StructSym(st, fields);
                } else if (d instanceof Decl.Const k) {
                    s = new Sym.ConstSym(k);
                } else if (d instanceof Decl.Var || d instanceof Decl.ExternVar) {
                    s = new Sym.VarSym(d);
                } else {
                    s = new Sym.FnSym(d);
                }
                Sym first = globals.putIfAbsent(d.name(), s);
                if (first != null) {
                    diags.error(d.pos(), "duplicate definition of '" + d.name() + "' (first defined at "
                            + first.decl().pos() + ")");
                }
            }
        }
    }

    // ---- lazily resolved symbols

    /** Checks {@code e} in a context without locals and requires a compile-time constant; null after an error. */
    Val constExpr(Expr e) {
        int before = diags.count();
        Val v = new ExprChecker(this, null).check(e, null);
        if (diags.count() != before || Types.isError(v.type())) return null;
        if (!v.isConst()) {
            diags.error(e.pos(), "not a compile-time constant");
            return null;
        }
        return v;
    }

    ConstSymbol constant(Sym.ConstSym s) {
        if (s.state == Sym.State.DONE) return s.value;
        if (s.state == Sym.State.ACTIVE) {
            diags.error(s.decl.pos(), "constant '" + s.name() + "' depends on itself");
            s.value = new ConstSymbol(s.name(), Types.ERROR, 0, s.decl.pos());
            s.state = Sym.State.DONE;
            return s.value;
        }
        s.state = Sym.State.ACTIVE;
        Type t = types.resolve(s.decl.type(), false);
        ConstSymbol result = new ConstSymbol(s.name(), Types.ERROR, 0, s.decl.pos());
        if (!Types.isError(t) && !(t instanceof Type.Int) && !(t instanceof Type.Bool)) {
            diags.error(s.decl.type().pos(), "constants must have an integer or bool type, not " + t);
        } else if (!Types.isError(t)) {
            ExprChecker ec = new ExprChecker(this, null);
            int before = diags.count();
            Val v = ec.check(s.decl.value(), t);
            TExpr te = ec.coerce(v, t, s.decl.value().pos(), "value of constant '" + s.name() + "'");
            if (diags.count() == before && !Types.isError(te.type())) {
                if (te instanceof TExpr.Const k) {
                    result = new ConstSymbol(s.name(), t, k.value(), s.decl.pos());
                } else {
                    diags.error(s.decl.value().pos(), "value of constant '" + s.name() + "' is not a compile-time constant");
                }
            }
        }
        if (s.state == Sym.State.ACTIVE) {
            s.value = result;
            s.state = Sym.State.DONE;
        }
        return s.value;
    }

    GlobalVar globalVar(Sym.VarSym s) {
        if (s.var != null) return s.var;
        Type t;
        boolean external;
        if (s.decl instanceof Decl.Var v) {
            t = types.resolve(v.type(), false);
            external = false;
        } else {
            t = types.resolve(((Decl.ExternVar) s.decl).type(), false);
            external = true;
        }
        if (!types.complete(t, s.decl.pos())) t = Types.ERROR;
        s.var = new GlobalVar(s.name(), t, external, s.decl.pos());
        return s.var;
    }

    FunctionSymbol function(Sym.FnSym s) {
        if (s.symbol != null) return s.symbol;
        List<Param> params;
        dev.tk86.kernel.ast.TypeExpr result;
        boolean external;
        if (s.decl instanceof Decl.Fn f) {
            params = f.params();
            result = f.result();
            external = false;
        } else {
            Decl.ExternFn f = (Decl.ExternFn) s.decl;
            params = f.params();
            result = f.result();
            external = true;
        }
        List<Type> pts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Map<String, Param> seen = new HashMap<>();
        for (Param p : params) {
            if (seen.putIfAbsent(p.name(), p) != null) diags.error(p.pos(), "duplicate parameter '" + p.name() + "'");
            pts.add(types.scalar(p.type(), "parameter '" + p.name() + "'"));
            names.add(p.name());
        }
        if (params.size() > MAX_PARAMS) {
            diags.error(params.get(MAX_PARAMS).pos(), "function '" + s.name() + "' has " + params.size()
                    + " parameters; at most " + MAX_PARAMS + " are supported (arguments travel in rdi, rsi, rdx, rcx, r8, r9)");
        }
        Type r = result == null ? Types.VOID : types.result(result);
        s.symbol = new FunctionSymbol(s.name(), new Type.Fn(List.copyOf(pts), r), List.copyOf(names), external, s.decl.pos());
        return s.symbol;
    }

    /** The .rodata entry for a string literal; identical contents share one. */
    StringLiteral intern(byte[] bytes, Pos pos) {
        byte[] withNul = Arrays.copyOf(bytes, bytes.length + 1);
        String key = new String(withNul, java.nio.charset.StandardCharsets.ISO_8859_1);
        StringLiteral s = stringsByContent.get(key);
        if (s == null) {
            int index = strings.size();
            s = new StringLiteral(index, "__tkl_str_" + index, withNul, pos);
            strings.put(s.symbol(), s);
            stringsByContent.put(key, s);
        }
        return s;
    }

    // ---- the whole program

    CheckedProgram run(List<Unit> units) {
        declare(units);
        List<StructLayout> structs = new ArrayList<>();
        for (Sym s : globals.values()) {
            if (s instanceof Sym.StructSym st) {
                if (st.state == Sym.State.NEW) types.layout(st);
                structs.add(st.type.layout());
            }
        }
        List<ConstSymbol> consts = new ArrayList<>();
        List<GlobalVar> externVars = new ArrayList<>();
        List<FunctionSymbol> externFns = new ArrayList<>();
        for (Sym s : globals.values()) {
            if (s instanceof Sym.ConstSym k) consts.add(constant(k));
            else if (s instanceof Sym.VarSym v) {
                GlobalVar g = globalVar(v);
                if (g.external()) externVars.add(g);
            } else if (s instanceof Sym.FnSym f) {
                FunctionSymbol fs = function(f);
                if (fs.external()) externFns.add(fs);
            }
        }
        List<GlobalDef> defs = new ArrayList<>();
        for (Sym s : globals.values()) {
            if (s instanceof Sym.VarSym v && v.decl instanceof Decl.Var d) {
                defs.add(new GlobalInits(this).define(globalVar(v), d.init()));
            }
        }
        List<CheckedFunction> fns = new ArrayList<>();
        for (Sym s : globals.values()) {
            if (s instanceof Sym.FnSym f && f.decl instanceof Decl.Fn d) {
                CheckedFunction cf = new FunctionChecker(this, function(f), d).check();
                if (cf != null) fns.add(cf);
            }
        }
        List<Assym> assyms = new ArrayList<>();
        for (Decl.Assym a : assymDecls) {
            Val v = constExpr(a.value());
            if (v == null) continue;
            if (!Types.isIntLike(v.type()) && !(v.type() instanceof Type.Bool)) {
                diags.error(a.value().pos(), "assym value must be an integer constant, found " + v.type());
                continue;
            }
            assyms.add(new Assym(a.name(), v.constant(), a.pos()));
        }
        if (diags.hasErrors()) return null;
        return new CheckedProgram(List.copyOf(sources), options.enabled(), List.copyOf(structs), List.copyOf(consts),
                List.copyOf(defs), List.copyOf(externVars), List.copyOf(externFns), List.copyOf(fns),
                List.copyOf(strings.values()), List.copyOf(assyms));
    }

    /** Two's-complement bits of an exact constant as a long (for untyped values up to 2^64-1). */
    static long bits(BigInteger v) { return v.longValue(); }
}
