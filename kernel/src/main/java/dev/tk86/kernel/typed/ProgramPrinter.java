package dev.tk86.kernel.typed;

import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.layout.StructLayout;
import java.util.HexFormat;
import java.util.List;

/**
 * A stable, human-readable text form of a checked program (for `tk86` tooling, debugging the
 * code generator, and determinism tests). Expressions print as typed s-expressions, e.g.
 * {@code (add:u64 (local b) (convert:u64 (local a)))}; equal programs print identically.
 */
public final class ProgramPrinter {
    private final StringBuilder out = new StringBuilder();

    private ProgramPrinter() {}

    public static String print(CheckedProgram p) {
        ProgramPrinter pp = new ProgramPrinter();
        pp.program(p);
        return pp.out.toString();
    }

    /** One expression as a typed s-expression. */
    public static String expr(TExpr e) {
        ProgramPrinter pp = new ProgramPrinter();
        pp.e(e);
        return pp.out.toString();
    }

    private void line(int indent, String s) { out.append("  ".repeat(indent)).append(s).append('\n'); }

    private void program(CheckedProgram p) {
        line(0, "options: " + (p.options().isEmpty() ? "(none)" : String.join(" ", p.options())));
        for (StructLayout s : p.structs()) {
            line(0, "struct " + s.name() + " size " + s.size() + " align " + s.align());
            for (FieldLayout f : s.fields()) line(1, f.offset() + " " + f.name() + ": " + f.type());
        }
        for (ConstSymbol c : p.constants()) line(0, "const " + c.name() + ": " + c.type() + " = " + c.value());
        for (GlobalDef g : p.globals()) {
            StringBuilder sb = new StringBuilder("var " + g.name() + ": " + g.var().type() + " size " + g.size() + " align " + g.align());
            if (g.isBss()) sb.append(" .bss");
            else sb.append(" .data ").append(HexFormat.ofDelimiter(" ").formatHex(g.data()));
            for (Reloc r : g.relocs()) sb.append(" reloc@").append(r.offset()).append(' ').append(r.symbol()).append('+').append(r.addend());
            line(0, sb.toString());
        }
        for (GlobalVar v : p.externVars()) line(0, "extern var " + v.name() + ": " + v.type());
        for (FunctionSymbol f : p.externFunctions()) line(0, "extern fn " + signature(f));
        for (StringLiteral s : p.strings()) line(0, "string " + s.symbol() + " \"" + escape(s.text()) + "\"");
        for (Assym a : p.assyms()) line(0, "assym " + a.name() + " = " + a.value());
        for (CheckedFunction f : p.functions()) {
            line(0, "fn " + signature(f.symbol()) + " frame " + f.frameSize() + (f.endReachable() ? " falls-through" : ""));
            for (Local l : f.locals()) {
                line(1, "local " + l.name() + ": " + l.type() + " @rbp" + l.frameOffset()
                        + (l.isParam() ? " param " + l.paramIndex() : ""));
            }
            block(1, f.body());
        }
    }

    private static String signature(FunctionSymbol f) {
        StringBuilder sb = new StringBuilder(f.name()).append('(');
        List<String> names = f.paramNames();
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(names.get(i)).append(": ").append(f.type().params().get(i));
        }
        sb.append(')');
        if (!(f.type().result() instanceof dev.tk86.kernel.types.Type.Void)) sb.append(" -> ").append(f.type().result());
        return sb.toString();
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\t", "\\t");
    }

    private void block(int indent, TStmt.Block b) {
        line(indent, "{  # " + b.pos().line());
        for (TStmt s : b.stmts()) stmt(indent + 1, s);
        line(indent, "}");
    }

    private String str(TExpr e) { return expr(e); }

    private void stmt(int in, TStmt s) {
        String at = "  # " + s.pos().line() + ":" + s.pos().col();
        if (s instanceof TStmt.Let l) {
            line(in, "let " + l.local().name() + " = " + (l.init() == null ? "zero" : str(l.init())) + at);
        } else if (s instanceof TStmt.Assign a) {
            line(in, "set " + str(a.target()) + " " + str(a.value()) + at);
        } else if (s instanceof TStmt.CompoundAssign c) {
            line(in, "set-" + c.op().name().toLowerCase() + (c.scale() != 0 ? "*" + c.scale() : "") + " " + str(c.target())
                    + " " + str(c.value()) + at);
        } else if (s instanceof TStmt.Eval e) {
            line(in, "eval " + str(e.expr()) + at);
        } else if (s instanceof TStmt.If i) {
            line(in, "if " + str(i.cond()) + at);
            block(in, i.then());
            if (i.orElse() != null) {
                line(in, "else");
                if (i.orElse() instanceof TStmt.Block b) block(in, b); else stmt(in + 1, i.orElse());
            }
        } else if (s instanceof TStmt.While w) {
            line(in, "while " + str(w.cond()) + at);
            block(in, w.body());
        } else if (s instanceof TStmt.For f) {
            line(in, "for" + at);
            if (f.init() != null) stmt(in + 1, f.init());
            line(in + 1, "cond " + (f.cond() == null ? "forever" : str(f.cond())));
            if (f.step() != null) stmt(in + 1, f.step());
            block(in, f.body());
        } else if (s instanceof TStmt.Break) {
            line(in, "break" + at);
        } else if (s instanceof TStmt.Continue) {
            line(in, "continue" + at);
        } else if (s instanceof TStmt.Return r) {
            line(in, "return" + (r.value() == null ? "" : " " + str(r.value())) + at);
        } else {
            block(in, (TStmt.Block) s);
        }
    }

    private void open(String head, dev.tk86.kernel.types.Type t) { out.append('(').append(head).append(':').append(t); }

    private void args(List<TExpr> args) {
        for (TExpr a : args) {
            out.append(' ');
            e(a);
        }
        out.append(')');
    }

    private void e(TExpr x) {
        if (x instanceof TExpr.Const c) {
            out.append(c.value()).append(':').append(c.type());
        } else if (x instanceof TExpr.Null n) {
            out.append("null:").append(n.type());
        } else if (x instanceof TExpr.Str s) {
            out.append(s.literal().symbol());
        } else if (x instanceof TExpr.LocalRef l) {
            out.append("(local ").append(l.local().name()).append(')');
        } else if (x instanceof TExpr.GlobalRef g) {
            out.append("(global ").append(g.global().name()).append(')');
        } else if (x instanceof TExpr.FuncRef f) {
            out.append("(func ").append(f.function().name()).append(')');
        } else if (x instanceof TExpr.Deref d) {
            open("deref", d.type());
            args(List.of(d.pointer()));
        } else if (x instanceof TExpr.FieldRef f) {
            open("field " + f.field().name() + "@" + f.field().offset(), f.type());
            args(List.of(f.base()));
        } else if (x instanceof TExpr.IndexRef i) {
            open("index", i.type());
            args(List.of(i.array(), i.index()));
        } else if (x instanceof TExpr.AddrOf a) {
            open("addr", a.type());
            args(List.of(a.lvalue()));
        } else if (x instanceof TExpr.Unary u) {
            open(u.op().name().toLowerCase(), u.type());
            args(List.of(u.operand()));
        } else if (x instanceof TExpr.Binary b) {
            open(b.op().name().toLowerCase(), b.type());
            args(List.of(b.left(), b.right()));
        } else if (x instanceof TExpr.Compare c) {
            open(c.op().name().toLowerCase(), c.type());
            args(List.of(c.left(), c.right()));
        } else if (x instanceof TExpr.Logical l) {
            open(l.and() ? "and" : "or", l.type());
            args(List.of(l.left(), l.right()));
        } else if (x instanceof TExpr.PtrOffset p) {
            open("ptr+*" + p.scale(), p.type());
            args(List.of(p.pointer(), p.offset()));
        } else if (x instanceof TExpr.PtrDiff p) {
            open("ptr-/" + p.scale(), p.type());
            args(List.of(p.left(), p.right()));
        } else if (x instanceof TExpr.Convert c) {
            open("convert", c.type());
            args(List.of(c.operand()));
        } else if (x instanceof TExpr.Call c) {
            open("call " + c.function().name(), c.type());
            args(c.args());
        } else if (x instanceof TExpr.CallIndirect c) {
            open("call*", c.type());
            out.append(' ');
            e(c.callee());
            args(c.args());
        } else if (x instanceof TExpr.IntrinsicCall c) {
            open(c.intrinsic().tklName, c.type());
            args(c.args());
        } else if (x instanceof TExpr.Print p) {
            out.append('(').append(p.intrinsic().tklName).append(' ').append(p.format().symbol());
            args(p.args());
        } else {
            TExpr.Assert a = (TExpr.Assert) x;
            out.append("(KASSERT \"").append(escape(a.text())).append("\" ").append(a.file()).append(':').append(a.line());
            args(List.of(a.cond()));
        }
    }
}
