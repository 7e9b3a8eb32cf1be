package dev.tk86.kernel.check;

import static dev.tk86.kernel.check.Tkl.compile;
import static dev.tk86.kernel.check.Tkl.errors;
import static dev.tk86.kernel.check.Tkl.fn;
import static dev.tk86.kernel.check.Tkl.stmt;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.kernel.typed.CheckedFunction;
import dev.tk86.kernel.typed.CheckedProgram;
import dev.tk86.kernel.typed.FormatSpec;
import dev.tk86.kernel.typed.GlobalDef;
import dev.tk86.kernel.typed.Local;
import dev.tk86.kernel.typed.Reloc;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.typed.TStmt;
import dev.tk86.kernel.types.Types;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checked tree is what docs/tkl.md §14 promises the code generator. */
class CheckedTreeTest {
    static TExpr init(TStmt s) { return ((TStmt.Let) s).init(); }

    static TExpr value(TStmt s) { return ((TStmt.Return) s).value(); }

    @Test
    void theKernelLikeProgramSatisfiesTheTreeContract() throws Exception {
        for (String[] on : new String[][] {{}, {"DIAGNOSTIC"}}) {
            TreeInvariants.check(compile(ProgramPrinterTest.proc(), on));
        }
    }

    @Test
    void implicitWideningBecomesAnExplicitConvert() {
        CheckedProgram p = compile("fn f(a: u8) -> u64 { let b: u64 = a; return b + a; }");
        TExpr.Convert c = assertInstanceOf(TExpr.Convert.class, init(stmt(p, "f", 0)));
        assertEquals(Types.U64, c.type());
        assertEquals(Types.U8, c.operand().type());
        TExpr.Binary add = assertInstanceOf(TExpr.Binary.class, value(stmt(p, "f", 1)));
        assertEquals(Types.U64, add.type());
        assertEquals(Types.U64, add.right().type(), "narrower operand widened to the other's type");
    }

    @Test
    void constantsFoldWithTheirTypesWidth() {
        CheckedProgram p = compile("""
                const A: u32 = (1 << 4) | 3;
                const B: u8 = 250 + 5;
                const M: u64 = ~0;
                const W: u8 = (300 as u8);
                const N: i32 = -7 / 2;
                const R: i32 = -7 % 2;
                const K: u64 = 0xffff_ffff_8000_0000;
                fn f() -> u64 { return -1 as u64; }
                fn g(x: u64) -> u64 { return x * (4096 - 1); }
                """);
        assertEquals(19, p.constant("A").orElseThrow().value());
        assertEquals(255, p.constant("B").orElseThrow().value());
        assertEquals(-1L, p.constant("M").orElseThrow().value());
        assertEquals(44, p.constant("W").orElseThrow().value());
        assertEquals(-3, p.constant("N").orElseThrow().value(), "division truncates toward zero");
        assertEquals(-1, p.constant("R").orElseThrow().value(), "remainder has the dividend's sign");
        assertEquals(0xffffffff80000000L, p.constant("K").orElseThrow().value());
        TExpr.Const c = assertInstanceOf(TExpr.Const.class, value(stmt(p, "f", 0)));
        assertEquals(Types.U64, c.type());
        assertEquals(-1L, c.value());
        TExpr.Binary mul = assertInstanceOf(TExpr.Binary.class, value(stmt(p, "g", 0)));
        assertEquals(new TExpr.Const(Types.U64, 4095, mul.right().pos()), mul.right());
    }

    @Test
    void typedConstantArithmeticWrapsLikeTheMachine() {
        CheckedProgram p = compile("""
                const X: u8 = 200;
                const Y: u8 = X + X;
                const Z: i8 = 127;
                const O: i8 = Z + 1;
                const S: u32 = 1;
                const SH: u32 = S << 31;
                """);
        assertEquals(144, p.constant("Y").orElseThrow().value());
        assertEquals(-128, p.constant("O").orElseThrow().value());
        assertEquals(0x80000000L, p.constant("SH").orElseThrow().value());
    }

    @Test
    void untypedConstantsDefaultToI64OrU64() {
        CheckedProgram p = compile("fn f() { let a = 5; let b = 0xffff_8000_0000_0000; let c = a; }");
        List<Local> l = fn(p, "f").locals();
        assertEquals(Types.I64, l.get(0).type());
        assertEquals(Types.U64, l.get(1).type());
        assertEquals(Types.I64, l.get(2).type());
    }

    @Test
    void complementOfAConstantTakesTheTypeOfTheOtherOperand() {
        CheckedProgram p = compile("""
                fn page(va: u64) -> u64 { let a = va & ~0xfff; let b = ~0xfff & va; return a | b; }
                fn low(x: u32) -> u32 { return x & ~0x3; }
                """);
        for (int i = 0; i < 2; i++) {
            TExpr.Binary and = assertInstanceOf(TExpr.Binary.class, init(stmt(p, "page", i)));
            assertEquals(Types.U64, and.type());
            TExpr.Const mask = assertInstanceOf(TExpr.Const.class, i == 0 ? and.right() : and.left());
            assertEquals(0xffff_ffff_ffff_f000L, mask.value());
        }
        assertEquals(Types.U64, fn(p, "page").locals().get(1).type());
    }

    @Test
    void shiftOfAConstantByAVariableTakesTheExpectedType() {
        CheckedProgram p = compile("fn f(n: u8) -> u32 { let m: u32 = 1 << n; return m; }");
        TExpr.Binary s = assertInstanceOf(TExpr.Binary.class, init(stmt(p, "f", 0)));
        assertEquals(TExpr.BinOp.SHL, s.op());
        assertEquals(Types.U32, s.type());
        assertEquals(Types.U8, s.right().type(), "the count keeps its own type");
    }

    @Test
    void fieldsThroughPointersAndPointerIndexingAreExplicit() {
        CheckedProgram p = compile("""
                struct s { a: u32, b: u64 }
                fn f(p: *s, q: *u64, i: u32) -> u64 { return p.b + q[i]; }
                """);
        TExpr.Binary add = assertInstanceOf(TExpr.Binary.class, value(stmt(p, "f", 0)));
        TExpr.FieldRef fr = assertInstanceOf(TExpr.FieldRef.class, add.left());
        assertEquals(8, fr.field().offset());
        assertInstanceOf(TExpr.Deref.class, fr.base());
        TExpr.Deref d = assertInstanceOf(TExpr.Deref.class, add.right());
        TExpr.PtrOffset po = assertInstanceOf(TExpr.PtrOffset.class, d.pointer());
        assertEquals(8, po.scale());
        assertEquals(Types.I64, po.offset().type());
    }

    @Test
    void pointerArithmeticScalesAndSubtractsByElements() {
        CheckedProgram p = compile("""
                struct s { a: [3]u64 }
                fn f(p: *s, q: *s) -> i64 { let r = p - 2; return q - r; }
                fn g(p: *u32) { p += 3; }
                """);
        TExpr.PtrOffset po = assertInstanceOf(TExpr.PtrOffset.class, init(stmt(p, "f", 0)));
        assertEquals(-24, po.scale());
        TExpr.PtrDiff pd = assertInstanceOf(TExpr.PtrDiff.class, value(stmt(p, "f", 1)));
        assertEquals(24, pd.scale());
        TStmt.CompoundAssign ca = assertInstanceOf(TStmt.CompoundAssign.class, stmt(p, "g", 0));
        assertEquals(4, ca.scale());
        assertEquals(Types.I64, ca.value().type());
    }

    @Test
    void localsGetDistinctAlignedSlotsParametersFirst() {
        CheckedProgram p = compile("""
                fn f(a: u64, b: u8) {
                    let c: u8 = 1;
                    { let d: u32 = 2; }
                    { let e: u64 = 3; }
                    let buf: [10]u8;
                }
                """);
        CheckedFunction f = fn(p, "f");
        assertEquals(List.of("a", "b", "c", "d", "e", "buf"), f.locals().stream().map(Local::name).toList());
        assertEquals(List.of(-8L, -9L, -10L, -16L, -24L, -34L), f.locals().stream().map(Local::frameOffset).toList());
        assertEquals(List.of(0, 1, -1, -1, -1, -1), f.locals().stream().map(Local::paramIndex).toList());
        assertEquals(48, f.frameSize());
        assertEquals(2, f.params().size());
    }

    @Test
    void optionBranchesFoldAwayAndOnlyTheTakenOneIsChecked() {
        String src = """
                struct proc {
                    p_stat: u8,
                    #[if(option(DIAGNOSTIC))]
                    p_dbg: u64,
                }
                fn f(p: *proc) {
                    if option(DIAGNOSTIC) {
                        p.p_dbg += 1;
                    } else {
                        p.p_stat = 1;
                    }
                }
                """;
        CheckedProgram off = compile(src);
        TStmt.Block b = assertInstanceOf(TStmt.Block.class, stmt(off, "f", 0));
        assertInstanceOf(TStmt.Assign.class, b.stmts().get(0));
        assertEquals(1, off.struct("proc").orElseThrow().size());
        CheckedProgram on = compile(src, "DIAGNOSTIC");
        TStmt.Block b2 = assertInstanceOf(TStmt.Block.class, stmt(on, "f", 0));
        assertInstanceOf(TStmt.CompoundAssign.class, b2.stmts().get(0));
        assertEquals(16, on.struct("proc").orElseThrow().size());
        CheckedProgram none = compile("fn f() { if option(EXIT_REAPER) { hlt(); } }");
        assertTrue(fn(none, "f").body().stmts().isEmpty());
    }

    @Test
    void conditionalDeclarationsSelectOneVersionOfAFunction() {
        String src = """
                #[if(option(EXIT_REAPER))]
                fn exit2() -> u32 { return 1; }
                #[if(!option(EXIT_REAPER) && true)]
                fn exit2() -> u32 { return 2; }
                #[if(option(MULTIPROCESSOR) || option(DIAGNOSTIC))]
                fn only_mp() {}
                """;
        CheckedProgram reaper = compile(src, "EXIT_REAPER");
        assertEquals(1, ((TExpr.Const) value(stmt(reaper, "exit2", 0))).value());
        assertTrue(reaper.function("only_mp").isEmpty());
        CheckedProgram other = compile(src, "MULTIPROCESSOR");
        assertEquals(2, ((TExpr.Const) value(stmt(other, "exit2", 0))).value());
        assertTrue(other.function("only_mp").isPresent());
    }

    @Test
    void globalInitialisersBecomeBytesAndRelocations() {
        CheckedProgram p = compile("""
                struct cpu_info { ci_self: *cpu_info, ci_cpuid: u32, ci_next: *cpu_info }
                var cpus: [4]cpu_info;
                var n: u32 = 0x01020304;
                var zero: u64 = 0;
                var neg: i16 = -2;
                var flag: bool = true;
                var msg: *u8 = "hi";
                var msg2: *u8 = "hi";
                var second: *cpu_info = &cpus[1];
                var second_id: *u32 = &cpus[1].ci_cpuid;
                var hook: fn() = f;
                var none: *u8 = null;
                fn f() {}
                """);
        assertArrayEquals(new byte[] {4, 3, 2, 1}, p.global("n").orElseThrow().data());
        assertTrue(p.global("zero").orElseThrow().isBss(), "zero initialisers go to .bss like gcc");
        assertArrayEquals(new byte[] {(byte) 0xfe, (byte) 0xff}, p.global("neg").orElseThrow().data());
        assertArrayEquals(new byte[] {1}, p.global("flag").orElseThrow().data());
        assertEquals(1, p.strings().size(), "identical literals share one .rodata entry");
        assertArrayEquals(new byte[] {'h', 'i', 0}, p.strings().get(0).bytes());
        assertEquals(List.of(new Reloc(0, "__tkl_str_0", 0)), p.global("msg").orElseThrow().relocs());
        assertEquals(List.of(new Reloc(0, "cpus", 24)), p.global("second").orElseThrow().relocs());
        assertEquals(List.of(new Reloc(0, "cpus", 32)), p.global("second_id").orElseThrow().relocs());
        assertEquals(List.of(new Reloc(0, "f", 0)), p.global("hook").orElseThrow().relocs());
        GlobalDef none = p.global("none").orElseThrow();
        assertTrue(none.isBss());
        assertEquals(96, p.global("cpus").orElseThrow().size());
        assertTrue(p.global("cpus").orElseThrow().isBss());
    }

    @Test
    void printfFormatsAreParsedAndUntypedArgumentsTyped() {
        CheckedProgram p = compile("fn f(s: *u8, x: u16) { printf(\"%s=%04x %d%%\\n\", s, x, 7); }");
        TExpr.Print pr = assertInstanceOf(TExpr.Print.class, ((TStmt.Eval) stmt(p, "f", 0)).expr());
        assertEquals(List.of(new FormatSpec.Conv('s', false, false, 0, 0), new FormatSpec.Text("="),
                new FormatSpec.Conv('x', false, true, 4, 1), new FormatSpec.Text(" "),
                new FormatSpec.Conv('d', false, false, 0, 2), new FormatSpec.Text("%\n")), pr.pieces());
        assertEquals(Types.U16, pr.args().get(1).type());
        assertEquals(Types.I64, pr.args().get(2).type());
        assertEquals("%s=%04x %d%%\n", pr.format().text());
    }

    @Test
    void kassertRecordsTheConditionTextAndPlace() {
        CheckedProgram p = compile("struct s { a: u32 }\nfn f(p: *s) {\n    KASSERT(p.a & 0xf == 0 && p != null);\n}");
        TExpr.Assert a = assertInstanceOf(TExpr.Assert.class, ((TStmt.Eval) stmt(p, "f", 0)).expr());
        assertEquals("p.a & 15 == 0 && p != null", a.text());
        assertEquals("t.tk", a.file());
        assertEquals(3, a.line());
    }

    @Test
    void atomicsTakeTheirTypeFromThePointee() {
        CheckedProgram p = compile("fn f(c: *u32) -> u32 { return atomic_cas(c, 0, 1) + atomic_add(c, 2); }");
        TExpr.Binary b = assertInstanceOf(TExpr.Binary.class, value(stmt(p, "f", 0)));
        TExpr.IntrinsicCall cas = assertInstanceOf(TExpr.IntrinsicCall.class, b.left());
        assertEquals(Types.U32, cas.type());
        assertEquals(Types.U32, cas.args().get(1).type());
    }

    @Test
    void curcpuReturnsThePointerToTheTreesCpuInfo() {
        CheckedProgram p = compile("struct cpu_info { ci_cpuid: u32 }\nfn f() -> u32 { return curcpu().ci_cpuid; }");
        TExpr.FieldRef fr = assertInstanceOf(TExpr.FieldRef.class, value(stmt(p, "f", 0)));
        TExpr.Deref d = assertInstanceOf(TExpr.Deref.class, fr.base());
        assertEquals(dev.tk86.kernel.check.Intrinsic.CURCPU, ((TExpr.IntrinsicCall) d.pointer()).intrinsic());
    }

    @Test
    void directIndirectAndExternCalls() {
        CheckedProgram p = compile("""
                extern fn cpu_switchto(old: *u8, new: *u8);
                struct s { cb: fn(u64) -> u64 }
                fn g(x: u64) -> u64 { return x; }
                fn f(p: *s) -> u64 {
                    cpu_switchto(null, null);
                    p.cb = g;
                    return p.cb(g(1));
                }
                """);
        TExpr.Call ext = assertInstanceOf(TExpr.Call.class, ((TStmt.Eval) stmt(p, "f", 0)).expr());
        assertTrue(ext.function().external());
        assertEquals(Types.VOID, ext.type());
        assertInstanceOf(TExpr.FuncRef.class, ((TStmt.Assign) stmt(p, "f", 1)).value());
        TExpr.CallIndirect ci = assertInstanceOf(TExpr.CallIndirect.class, value(stmt(p, "f", 2)));
        assertInstanceOf(TExpr.Call.class, ci.args().get(0));
        assertEquals(1, p.externFunctions().size());
    }

    @Test
    void endReachableOnlyForFunctionsThatCanFallOffTheEnd() {
        CheckedProgram p = compile("""
                fn a() {}
                fn b() -> u32 { while true { hlt(); } }
                fn c(x: u32) -> u32 { if x == 0 { return 1; } else { panic("no"); } }
                fn d() -> u32 { for ;; { if rdtsc() > 5 { break; } } return 0; }
                fn e() { return; }
                """);
        assertTrue(fn(p, "a").endReachable());
        assertFalse(fn(p, "b").endReachable());
        assertFalse(fn(p, "c").endReachable());
        assertFalse(fn(p, "d").endReachable());
        assertFalse(fn(p, "e").endReachable());
        assertEquals(List.of("1:47: missing return at the end of 'f' (it returns u32)"),
                errors("fn f() -> u32 { for ;; { if true { break; } } }"));
    }

    @Test
    void compoundAssignmentsKeepTheTargetOnce() {
        CheckedProgram p = compile("fn f(a: *u32, i: u64, x: u8) { a[i] |= x; a[i] <<= 3; }");
        TStmt.CompoundAssign ca = assertInstanceOf(TStmt.CompoundAssign.class, stmt(p, "f", 0));
        assertEquals(TExpr.BinOp.OR, ca.op());
        assertEquals(0, ca.scale());
        assertEquals(Types.U32, ca.value().type(), "the value widened to the target type");
        TStmt.CompoundAssign sh = assertInstanceOf(TStmt.CompoundAssign.class, stmt(p, "f", 1));
        assertEquals(Types.U32, sh.value().type());
    }

    @Test
    void sizeofAndOffsetofThroughNestedStructs() {
        CheckedProgram p = compile("""
                struct inner { x: u8, y: u32 }
                struct outer { a: u64, in: inner, arr: [3]inner }
                const S: u64 = sizeof(outer);
                const O: u64 = offsetof(outer, in.y);
                const A: u64 = sizeof([4]*outer);
                """);
        assertEquals(40, p.constant("S").orElseThrow().value());
        assertEquals(12, p.constant("O").orElseThrow().value());
        assertEquals(32, p.constant("A").orElseThrow().value());
    }

    @Test
    void assymValuesAreExact() {
        CheckedProgram p = compile("const KERNBASE: u64 = 0xffff_ffff_8000_0000;\nassym KERNBASE = KERNBASE;\nassym NEG = -16;");
        assertEquals(new BigInteger("ffffffff80000000", 16), p.assyms().get(0).value());
        assertEquals(BigInteger.valueOf(-16), p.assyms().get(1).value());
    }

    @Test
    void voidPointersConvertBothWays() {
        CheckedProgram p = compile("struct s { a: u32 }\nfn f(v: *void) -> *s { let q: *s = v; memset(q, 0, 4); return q; }");
        assertInstanceOf(TExpr.Convert.class, init(stmt(p, "f", 0)));
        TExpr.IntrinsicCall ms = assertInstanceOf(TExpr.IntrinsicCall.class, ((TStmt.Eval) stmt(p, "f", 1)).expr());
        assertEquals(Types.OPAQUE_PTR, ms.args().get(0).type());
    }
}
