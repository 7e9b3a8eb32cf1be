package dev.tk86.kernel.typed;

import dev.tk86.kernel.check.Intrinsic;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.layout.FieldLayout;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.List;

/**
 * Checked expressions: every node carries its final type, names are resolved, constants are
 * folded, option() is gone, and every implicit conversion is an explicit {@link Convert}.
 * Arithmetic operands always have the node's own type (shift counts excepted), so the code
 * generator never has to reason about promotion.
 *
 * <p>Lvalues ({@link #isLvalue()}) denote memory: a local's frame slot, a global, {@code *p},
 * a field or an array element. Reading one loads {@code type().size()} bytes.
 */
public sealed interface TExpr {
    Type type();

    Pos pos();

    default boolean isLvalue() { return false; }

    /** Integer (normalised to its type, see Types.normalize) or bool (0/1) constant. */
    record Const(Type type, long value, Pos pos) implements TExpr {}

    /** {@code null} of a pointer or function-pointer type: the value 0. */
    record Null(Type type, Pos pos) implements TExpr {}

    /** Address of a string literal in .rodata; type {@code *u8}. */
    record Str(StringLiteral literal, Pos pos) implements TExpr {
        public Type type() { return Types.STRING; }
    }

    record LocalRef(Local local, Pos pos) implements TExpr {
        public Type type() { return local.type(); }
        @Override public boolean isLvalue() { return true; }
    }

    /** A global variable (defined or extern): the memory at its symbol. */
    record GlobalRef(GlobalVar global, Pos pos) implements TExpr {
        public Type type() { return global.type(); }
        @Override public boolean isLvalue() { return true; }
    }

    /** A function used as a value: its address; type is the function's {@code Type.Fn}. */
    record FuncRef(FunctionSymbol function, Pos pos) implements TExpr {
        public Type type() { return function.type(); }
    }

    /** {@code *pointer}; also what {@code p.f} through a pointer and {@code p[i]} lower to. */
    record Deref(TExpr pointer, Type type, Pos pos) implements TExpr {
        @Override public boolean isLvalue() { return true; }
    }

    /** A member of a struct lvalue at {@code field.offset()}. */
    record FieldRef(TExpr base, FieldLayout field, Pos pos) implements TExpr {
        public Type type() { return field.type(); }
        @Override public boolean isLvalue() { return true; }
    }

    /** Element of an array lvalue; {@code index} has type i64 (no bounds check at run time). */
    record IndexRef(TExpr array, TExpr index, Type type, Pos pos) implements TExpr {
        @Override public boolean isLvalue() { return true; }
    }

    /** Address of an lvalue. */
    record AddrOf(TExpr lvalue, Type type, Pos pos) implements TExpr {}

    enum UnOp { NEG, BITNOT, NOT }

    /** NEG/BITNOT on integers (wrapping), NOT on bool. */
    record Unary(UnOp op, TExpr operand, Type type, Pos pos) implements TExpr {}

    enum BinOp { ADD, SUB, MUL, DIV, REM, AND, OR, XOR, SHL, SHR }

    /**
     * Integer arithmetic in {@code type}, wrapping modulo 2^bits. Both operands have
     * {@code type}, except that a shift count may be any integer type; its value is masked
     * with 63 for 64-bit types and 31 otherwise (as x86 and the JVM do), then the result is
     * truncated to the width. SHR is arithmetic for signed types, logical for unsigned.
     * DIV/REM truncate toward zero; a zero divisor (or MIN / -1) raises #DE at run time.
     */
    record Binary(BinOp op, TExpr left, TExpr right, Type type, Pos pos) implements TExpr {}

    enum CmpOp { EQ, NE, LT, LE, GT, GE }

    /** Comparison of two operands of the same type (signedness from that type); result bool. */
    record Compare(CmpOp op, TExpr left, TExpr right, Pos pos) implements TExpr {
        public Type type() { return Types.BOOL; }
    }

    /** Short-circuit {@code &&} ({@code and} true) or {@code ||}. */
    record Logical(boolean and, TExpr left, TExpr right, Pos pos) implements TExpr {
        public Type type() { return Types.BOOL; }
    }

    /** {@code pointer + offset * scale} (scale negative for subtraction); offset is i64. */
    record PtrOffset(TExpr pointer, TExpr offset, long scale, Type type, Pos pos) implements TExpr {}

    /** {@code (left - right) / scale} for two pointers of the same type; result i64. */
    record PtrDiff(TExpr left, TExpr right, long scale, Pos pos) implements TExpr {
        public Type type() { return Types.I64; }
    }

    /**
     * Conversion: integer to integer (truncate, or sign/zero-extend by the operand's
     * signedness), bool to integer (0/1), and bit-preserving pointer/function-pointer/u64/i64
     * reinterpretations.
     */
    record Convert(TExpr operand, Type type, Pos pos) implements TExpr {}

    /** Direct call of a TKL or extern function. {@code type} is VOID for no result. */
    record Call(FunctionSymbol function, List<TExpr> args, Type type, Pos pos) implements TExpr {}

    /** Call through a function pointer value. */
    record CallIndirect(TExpr callee, List<TExpr> args, Type type, Pos pos) implements TExpr {}

    /** Any intrinsic other than printf/panic/KASSERT; arguments already converted to the table's types. */
    record IntrinsicCall(Intrinsic intrinsic, List<TExpr> args, Type type, Pos pos) implements TExpr {}

    /** printf or panic: the format parsed into pieces; {@code args} exclude the format. */
    record Print(Intrinsic intrinsic, StringLiteral format, List<FormatSpec> pieces, List<TExpr> args, Pos pos)
            implements TExpr {
        public Type type() { return Types.VOID; }
    }

    /** KASSERT(cond): {@code text} is the condition as written (normalised), file:line where it is. */
    record Assert(TExpr cond, String text, String file, int line, Pos pos) implements TExpr {
        public Type type() { return Types.VOID; }
    }
}
