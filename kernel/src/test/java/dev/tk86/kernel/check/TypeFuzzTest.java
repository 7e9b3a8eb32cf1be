package dev.tk86.kernel.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.diag.Diagnostic;
import dev.tk86.kernel.diag.SourceFile;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random syntactically valid programs built from every operator, cast, call form, intrinsic
 * and statement over operands of every type: most are ill-typed, none may make the checker
 * throw (brief: "never a Java stack trace"), and any that compiles must be consistent.
 */
class TypeFuzzTest {
    static final String PRELUDE = """
            struct cpu_info { ci_self: *cpu_info, ci_cpuid: u32 }
            struct s { a: u8, b: i64, c: [4]u16, d: *s, e: fn(u64) -> u64, f: bool, g: cpu_info }
            const K8: u8 = 7;
            const K64: u64 = 0xffff_8000_0000_0000;
            const KB: bool = option(DIAGNOSTIC);
            var gs: s;
            var gp: *s;
            var garr: [8]u32;
            extern fn ext(x: u64, p: *void) -> i32;
            fn g1(x: u64) -> u64 { return x; }
            fn gv() {}
            """;
    static final String[] ATOMS = {"x8", "x16", "x32", "x64", "y8", "y32", "y64", "b", "p", "q", "v", "fp", "arr", "st",
        "K8", "K64", "KB", "gs", "gp", "garr", "0", "1", "255", "256", "-1", "0x7fff_ffff", "0xffff_ffff_ffff_ffff",
        "'a'", "\"str\"", "null", "true", "false", "g1", "gv", "ext", "sizeof(s)", "offsetof(s, c)", "option(DIAGNOSTIC)",
        "curcpu()", "rcr3()", "intr_disable()", "gs.g", "p.d", "p.c", "st.e", "arr[1]", "garr[7]", "*q", "&x32", "&arr"};
    static final String[] BIN = {"+", "-", "*", "/", "%", "&", "|", "^", "<<", ">>", "==", "!=", "<", "<=", ">", ">=", "&&", "||"};
    static final String[] UN = {"-", "!", "~", "*", "&"};
    static final String[] TYPES = {"u8", "u16", "u32", "u64", "i8", "i32", "i64", "bool", "*u8", "*void", "*s", "fn(u64) -> u64", "s", "[2]u8"};
    static final String[] CALLS = {"g1", "gv", "ext", "fp", "p.e", "st.e", "atomic_add", "atomic_cas", "atomic_load", "printf",
        "panic", "KASSERT", "memset", "lcr3", "ipi_send", "shadow_alloc", "outb", "inb", "curcpu"};

    static String expr(Random r, int depth) {
        int k = depth > 3 ? 0 : r.nextInt(7);
        return switch (k) {
            case 0, 1 -> ATOMS[r.nextInt(ATOMS.length)];
            case 2 -> "(" + expr(r, depth + 1) + " " + BIN[r.nextInt(BIN.length)] + " " + expr(r, depth + 1) + ")";
            case 3 -> UN[r.nextInt(UN.length)] + "(" + expr(r, depth + 1) + ")";
            case 4 -> "(" + expr(r, depth + 1) + " as " + TYPES[r.nextInt(TYPES.length)] + ")";
            case 5 -> {
                StringBuilder sb = new StringBuilder(CALLS[r.nextInt(CALLS.length)]).append('(');
                int n = r.nextInt(4);
                if (r.nextBoolean()) sb.append("\"%d %s %p %x\"").append(n > 0 ? ", " : "");
                for (int i = 0; i < n; i++) sb.append(i == 0 ? "" : ", ").append(expr(r, depth + 1));
                yield sb.append(')').toString();
            }
            default -> "(" + expr(r, depth + 1) + ")[" + expr(r, depth + 1) + "]";
        };
    }

    static String stmt(Random r) {
        return switch (r.nextInt(9)) {
            case 0 -> "let t" + r.nextInt(1000) + (r.nextBoolean() ? ": " + TYPES[r.nextInt(TYPES.length)] : "") + " = " + expr(r, 0) + ";";
            case 1 -> expr(r, 1) + " = " + expr(r, 0) + ";";
            case 2 -> expr(r, 1) + " " + new String[] {"+=", "-=", "<<=", "%=", "|="}[r.nextInt(5)] + " " + expr(r, 0) + ";";
            case 3 -> "if " + expr(r, 0) + " { " + stmt(r) + " } else { " + stmt(r) + " }";
            case 4 -> "while " + expr(r, 0) + " { " + stmt(r) + " break; }";
            case 5 -> "for let i: u32 = 0; " + expr(r, 0) + "; i += 1 { " + stmt(r) + " continue; }";
            case 6 -> "return " + expr(r, 0) + ";";
            case 7 -> "return;";
            default -> expr(r, 0) + ";";
        };
    }

    @Test
    void randomProgramsNeverCrashTheChecker() {
        Random r = new Random(1986);
        int ok = 0;
        for (int round = 0; round < 4000; round++) {
            StringBuilder src = new StringBuilder(PRELUDE);
            String ret = r.nextBoolean() ? " -> " + TYPES[r.nextInt(8)] : "";
            src.append("fn f(x8: u8, x16: u16, x32: u32, x64: u64, p: *s, q: *u64)").append(ret).append(" {\n");
            src.append("    let y8: i8 = 1; let y32: i32 = 2; let y64: i64 = 3; let b: bool = true;\n");
            src.append("    let v: *void = null; let fp: fn(u64) -> u64 = g1; let arr: [3]u32; let st: s;\n");
            for (int i = 0, n = 1 + r.nextInt(4); i < n; i++) src.append("    ").append(stmt(r)).append('\n');
            src.append("    panic(\"end\");\n}\n");
            Compilation c;
            try {
                c = Frontend.compile(List.of(new SourceFile("fuzz.tk", src.toString())), Options.of(Tkl.KNOWN, "DIAGNOSTIC"));
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("checker threw on:\n" + src, e);
            }
            if (c.ok()) {
                ok++;
                TreeInvariants.check(c.program());
            }
            for (Diagnostic d : c.errors()) assertTrue(d.line() >= 1, d.headline());
        }
        assertTrue(ok > 50, "some random programs should be well-typed: " + ok);
    }

    // ---- type-directed generation: mostly well-typed programs, to exercise the success paths

    static final String[][] VARS = {{"u8", "x8", "p.a", "K8"}, {"u16", "x16", "p.c[1]"}, {"u32", "x32", "garr[2]"},
        {"u64", "x64", "K64", "*q"}, {"i8", "y8"}, {"i32", "y32"}, {"i64", "y64", "p.b", "gs.b"}};
    static final String[] INTS = {"u8", "u16", "u32", "u64", "i8", "i32", "i64"};

    static int width(String t) { return Integer.parseInt(t.substring(1)); }

    static String typed(Random r, String t, int d) {
        if (t.equals("bool")) {
            if (d > 3) return r.nextBoolean() ? "b" : "KB";
            return switch (r.nextInt(6)) {
                case 0 -> {
                    String it = INTS[r.nextInt(INTS.length)];
                    yield "(" + typed(r, it, d + 1) + " " + new String[] {"==", "!=", "<", "<=", ">", ">="}[r.nextInt(6)] + " "
                            + typed(r, it, d + 1) + ")";
                }
                case 1 -> "(" + typed(r, "bool", d + 1) + (r.nextBoolean() ? " && " : " || ") + typed(r, "bool", d + 1) + ")";
                case 2 -> "!" + typed(r, "bool", d + 1);
                case 3 -> r.nextBoolean() ? "(p == null)" : "(p.d != gp)";
                case 4 -> "p.f";
                default -> r.nextBoolean() ? "b" : "option(DIAGNOSTIC)";
            };
        }
        String[] vars = null;
        for (String[] v : VARS) if (v[0].equals(t)) vars = v;
        if (d > 3) return r.nextBoolean() ? vars[1 + r.nextInt(vars.length - 1)] : String.valueOf(r.nextInt(100));
        boolean signed = t.startsWith("i");
        return switch (r.nextInt(9)) {
            case 0 -> vars[1 + r.nextInt(vars.length - 1)];
            case 1 -> String.valueOf(r.nextInt(128));
            case 2 -> "(" + typed(r, t, d + 1) + " " + new String[] {"+", "-", "*", "&", "|", "^"}[r.nextInt(6)] + " "
                    + typed(r, t, d + 1) + ")";
            case 3 -> "(" + typed(r, t, d + 1) + (r.nextBoolean() ? " << " : " >> ") + r.nextInt(width(t)) + ")";
            case 4 -> "(" + typed(r, INTS[r.nextInt(INTS.length)], d + 1) + " as " + t + ")";
            case 5 -> (r.nextBoolean() ? "~" : "-") + "(" + typed(r, t, d + 1) + ")";
            case 6 -> {
                // a narrower type of the same signedness widens implicitly
                String narrow = (signed ? "i" : "u") + (width(t) == 8 ? 8 : width(t) / 2);
                if (narrow.equals("i16")) narrow = "i8";
                yield typed(r, narrow, d + 1);
            }
            case 7 -> t.equals("u64") ? new String[] {"g1(" + typed(r, "u64", d + 1) + ")", "rdtsc()", "atomic_load(q)",
                "(sizeof(s) + offsetof(s, c))", "st.e(x64)"}[r.nextInt(5)]
                    : t.equals("i32") ? "ext(" + typed(r, "u32", d + 1) + ", p)" : t.equals("u32") ? "atomic_add(&garr[1], 1)" : "(" + typed(r, t, d + 1) + ")";
            default -> "(" + typed(r, t, d + 1) + " " + (r.nextBoolean() ? "/" : "%") + " " + (1 + r.nextInt(9)) + ")";
        };
    }

    static String typedStmt(Random r, int d) {
        String t = INTS[r.nextInt(INTS.length)];
        String[] vars = null;
        for (String[] v : VARS) if (v[0].equals(t)) vars = v;
        String target = vars[1];
        return switch (d > 2 ? r.nextInt(3) : r.nextInt(8)) {
            case 0 -> "let t" + r.nextInt(1_000_000) + ": " + t + " = " + typed(r, t, 0) + ";";
            case 1 -> target + " = " + typed(r, t, 0) + ";";
            case 2 -> target + " " + new String[] {"+=", "-=", "*=", "&=", "|=", "^="}[r.nextInt(6)] + " " + typed(r, t, 0) + ";";
            case 3 -> "if " + typed(r, "bool", 0) + " { " + typedStmt(r, d + 1) + " } else { " + typedStmt(r, d + 1) + " }";
            case 4 -> "while " + typed(r, "bool", 0) + " { " + typedStmt(r, d + 1) + " }";
            case 5 -> "for let i: u32 = 0; i < " + typed(r, "u32", 1) + "; i += 1 { " + typedStmt(r, d + 1) + " }";
            case 6 -> "printf(\"%d %u %x %p\\n\", " + typed(r, t, 1) + ", " + typed(r, "u64", 1) + ", " + typed(r, "u8", 1) + ", p);";
            default -> "KASSERT(" + typed(r, "bool", 0) + ");";
        };
    }

    @Test
    void wellTypedRandomProgramsSatisfyTheTreeContract() {
        Random r = new Random(2025);
        int ok = 0;
        for (int round = 0; round < 3000; round++) {
            StringBuilder src = new StringBuilder(PRELUDE);
            src.append("fn f(x8: u8, x16: u16, x32: u32, x64: u64, p: *s, q: *u64) -> u64 {\n");
            src.append("    let y8: i8 = 1; let y32: i32 = 2; let y64: i64 = 3; let b: bool = true; let st: s;\n");
            for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) src.append("    ").append(typedStmt(r, 0)).append('\n');
            src.append("    return ").append(typed(r, "u64", 0)).append(";\n}\n");
            Compilation c;
            try {
                c = Frontend.compile(List.of(new SourceFile("typed.tk", src.toString())), Options.of(Tkl.KNOWN, "DIAGNOSTIC"));
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError("checker threw on:\n" + src, e);
            }
            if (c.ok()) {
                ok++;
                TreeInvariants.check(c.program());
            }
        }
        assertTrue(ok > 2000, "the type-directed generator should mostly produce well-typed programs: " + ok);
    }
}
