package dev.tk86.kernel.codegen;

import static dev.tk86.kernel.codegen.Jvm.*;

import dev.tk86.kernel.check.Intrinsic;
import dev.tk86.kernel.lower.LExpr;
import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import dev.tk86.kernel.types.Types;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Emits bytecode that leaves the value of a lowered expression on the operand stack as a
 * long, normalised to its type. Memory is read through {@code Mem} (the MMU and the shadow
 * memory); symbol addresses are constants; rbp is the step's local copy.
 */
final class ExprCodegen implements Opcodes {
    private final MethodVisitor mv;
    private final Map<String, Long> addresses;
    private int nextLocal = FIRST_FREE;

    ExprCodegen(MethodVisitor mv, Map<String, Long> addresses) {
        this.mv = mv;
        this.addresses = addresses;
    }

    /** A fresh long local of the step method. */
    int newLocal() {
        int l = nextLocal;
        nextLocal += 2;
        return l;
    }

    long address(String symbol) {
        Long a = addresses.get(symbol);
        if (a == null) throw new IllegalStateException("no address for symbol '" + symbol + "'");
        return a;
    }

    void emit(LExpr e) {
        if (e instanceof LExpr.Const k) lconst(mv, k.value());
        else if (e instanceof LExpr.Sym s) lconst(mv, address(s.name()) + s.addend());
        else if (e instanceof LExpr.Frame f) frameAddress(f.offset());
        else if (e instanceof LExpr.Temp t) {
            rtCpu(mv);
            frameAddress(t.offset());
            mv.visitMethodInsn(INVOKESTATIC, MEM, "ld64", "(" + RT_D + CPU_D + "J)J", false);
        } else if (e instanceof LExpr.Load l) load(l.address(), l.type());
        else if (e instanceof LExpr.CallResult c) callResult(c.type());
        else if (e instanceof LExpr.Unary u) unary(u);
        else if (e instanceof LExpr.Binary b) {
            emit(b.left());
            emit(b.right());
            binaryOp(b.op(), b.type());
        } else if (e instanceof LExpr.Compare c) compare(c);
        else if (e instanceof LExpr.Logical l) logical(l);
        else if (e instanceof LExpr.Convert c) {
            emit(c.operand());
            Normalize.to(mv, c.type());
        } else if (e instanceof LExpr.AddrAdd a) {
            emit(a.base());
            emit(a.index());
            if (a.scale() != 1) {
                lconst(mv, a.scale());
                mv.visitInsn(LMUL);
            }
            mv.visitInsn(LADD);
        } else if (e instanceof LExpr.PtrDiff d) {
            emit(d.left());
            emit(d.right());
            mv.visitInsn(LSUB);
            if (d.scale() != 1) {
                lconst(mv, d.scale());
                mv.visitInsn(LDIV);
            }
        } else if (e instanceof LExpr.IntrinsicCall i) {
            if (!intrinsic(i)) throw new IllegalStateException(i.intrinsic().tklName + " has no value");
        } else {
            throw new IllegalStateException("cannot emit " + e);
        }
    }

    void frameAddress(long offset) {
        mv.visitVarInsn(LLOAD, RBP_L);
        lconst(mv, offset);
        mv.visitInsn(LADD);
    }

    // ---- memory

    void load(LExpr address, Type t) {
        rtCpu(mv);
        emit(address);
        loadFromStack(t);
    }

    /** With rt, cpu and an address on the stack: reads {@code t}. */
    void loadFromStack(Type t) {
        String d = "(" + RT_D + CPU_D + "J)J";
        if (t instanceof Type.Bool) {
            mv.visitMethodInsn(INVOKESTATIC, MEM, "ldBool", d, false);
            return;
        }
        mv.visitMethodInsn(INVOKESTATIC, MEM, "ld" + Normalize.bits(t), d, false);
        Normalize.afterLoad(mv, t);
    }

    /** With rt, cpu, an address and a value on the stack: writes {@code t.size()} bytes. */
    void storeFromStack(Type t) {
        int bits = t instanceof Type.Bool ? 8 : Normalize.bits(t);
        mv.visitMethodInsn(INVOKESTATIC, MEM, "st" + bits, "(" + RT_D + CPU_D + "JJ)V", false);
    }

    private void callResult(Type t) {
        mv.visitVarInsn(LLOAD, RAX_L);
        if (t instanceof Type.Bool) {
            // SysV: a bool result is significant in %al only.
            lconst(mv, 0xFF);
            mv.visitInsn(LAND);
            lconst(mv, 0);
            mv.visitInsn(LCMP);
            toBool(IFNE);
        } else {
            Normalize.to(mv, t);
        }
    }

    // ---- arithmetic

    private void unary(LExpr.Unary u) {
        emit(u.operand());
        switch (u.op()) {
            case NEG -> { mv.visitInsn(LNEG); Normalize.to(mv, u.type()); }
            case BITNOT -> { lconst(mv, -1); mv.visitInsn(LXOR); Normalize.to(mv, u.type()); }
            case NOT -> { mv.visitInsn(LCONST_1); mv.visitInsn(LXOR); }
        }
    }

    /** With two longs on the stack (left, right): the result of {@code op} in {@code t}. */
    void binaryOp(TExpr.BinOp op, Type t) {
        switch (op) {
            case ADD -> { mv.visitInsn(LADD); Normalize.to(mv, t); }
            case SUB -> { mv.visitInsn(LSUB); Normalize.to(mv, t); }
            case MUL -> { mv.visitInsn(LMUL); Normalize.to(mv, t); }
            case AND -> mv.visitInsn(LAND);
            case OR -> mv.visitInsn(LOR);
            case XOR -> mv.visitInsn(LXOR);
            case SHL, SHR -> {
                mv.visitInsn(L2I);
                iconst(mv, Normalize.bits(t) == 64 ? 63 : 31);
                mv.visitInsn(IAND);
                mv.visitInsn(op == TExpr.BinOp.SHL ? LSHL : Normalize.isSigned(t) ? LSHR : LUSHR);
                if (op == TExpr.BinOp.SHL) Normalize.to(mv, t);
            }
            case DIV, REM -> {
                boolean div = op == TExpr.BinOp.DIV;
                if (Normalize.isSigned(t)) {
                    lconst(mv, ((Type.Int) t).minValue());
                    mv.visitMethodInsn(INVOKESTATIC, ARITH, div ? "sdiv" : "srem", "(JJJ)J", false);
                } else {
                    mv.visitMethodInsn(INVOKESTATIC, ARITH, div ? "udiv" : "urem", "(JJ)J", false);
                }
            }
        }
    }

    private void compare(LExpr.Compare c) {
        boolean unsigned = Normalize.isUnsigned64(c.type());
        emit(c.left());
        if (unsigned) bias();
        emit(c.right());
        if (unsigned) bias();
        mv.visitInsn(LCMP);
        int jump = switch (c.op()) {
            case EQ -> IFEQ;
            case NE -> IFNE;
            case LT -> IFLT;
            case LE -> IFLE;
            case GT -> IFGT;
            case GE -> IFGE;
        };
        toBool(jump);
    }

    /** Unsigned order as signed order: flip the sign bit of both operands. */
    private void bias() {
        lconst(mv, Long.MIN_VALUE);
        mv.visitInsn(LXOR);
    }

    /** With an int on the stack: 1L if {@code jumpIfTrue} would jump, else 0L. */
    private void toBool(int jumpIfTrue) {
        Label yes = new Label(), end = new Label();
        mv.visitJumpInsn(jumpIfTrue, yes);
        mv.visitInsn(LCONST_0);
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(yes);
        mv.visitInsn(LCONST_1);
        mv.visitLabel(end);
    }

    private void logical(LExpr.Logical l) {
        Label shortCircuit = new Label(), end = new Label();
        emit(l.left());
        lconst(mv, 0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(l.and() ? IFEQ : IFNE, shortCircuit);
        emit(l.right());
        mv.visitJumpInsn(GOTO, end);
        mv.visitLabel(shortCircuit);
        mv.visitInsn(l.and() ? LCONST_0 : LCONST_1);
        mv.visitLabel(end);
    }

    /** Pops a long and jumps to {@code target} when it is zero (false). */
    void jumpIfFalse(LExpr cond, Label target) {
        emit(cond);
        lconst(mv, 0);
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFEQ, target);
    }

    // ---- intrinsics

    /** Emits an intrinsic; returns true if it left a value on the stack. */
    boolean intrinsic(LExpr.IntrinsicCall call) {
        List<LExpr> a = call.args();
        Intrinsic in = call.intrinsic();
        switch (in) {
            case CURCPU -> { mv.visitVarInsn(ALOAD, CPU_L); mv.visitFieldInsn(GETFIELD, CPU, "gsBase", "J"); return true; }
            case RCR3 -> { mv.visitVarInsn(ALOAD, CPU_L); mv.visitFieldInsn(GETFIELD, CPU, "cr3", "J"); return true; }
            case LCR3 -> { cpuThen(a); mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "writeCr3", "(J)V", false); return false; }
            case INVLPG -> { cpuThen(a); ops("invlpg", "(" + CPU_D + "J)V"); return false; }
            case INTR_DISABLE -> { cpuThen(a); ops("intrDisable", "(" + CPU_D + ")J"); return true; }
            case INTR_RESTORE -> { cpuThen(a); ops("intrRestore", "(" + CPU_D + "J)V"); return false; }
            case INTR_ENABLE -> { cpuThen(a); ops("intrEnable", "(" + CPU_D + ")V"); return false; }
            case PAUSE -> { cpuThen(a); ops("pause", "(" + CPU_D + ")V"); return false; }
            case HLT -> { cpuThen(a); ops("hlt", "(" + CPU_D + ")V"); return false; }
            case RDTSC -> { cpuThen(a); mv.visitMethodInsn(INVOKEVIRTUAL, CPU, "tsc", "()J", false); return true; }
            case IPI_SEND -> { cpuThen(a); ops("ipiSend", "(" + CPU_D + "JJ)V"); return false; }
            case IPI_BROADCAST -> { cpuThen(a); ops("ipiBroadcast", "(" + CPU_D + "J)V"); return false; }
            case OUTB, OUTW, OUTL -> {
                mv.visitVarInsn(ALOAD, CPU_L);
                emit(a.get(0));
                iconst(mv, in == Intrinsic.OUTB ? 1 : in == Intrinsic.OUTW ? 2 : 4);
                emit(a.get(1));
                ops("out", "(" + CPU_D + "JIJ)V");
                return false;
            }
            case INB, INW, INL -> {
                mv.visitVarInsn(ALOAD, CPU_L);
                emit(a.get(0));
                iconst(mv, in == Intrinsic.INB ? 1 : in == Intrinsic.INW ? 2 : 4);
                ops("in", "(" + CPU_D + "JI)J");
                return true;
            }
            case ATOMIC_LOAD -> {
                rtCpu(mv);
                emit(a.get(0));
                iconst(mv, (int) call.type().size());
                mv.visitMethodInsn(INVOKESTATIC, MEM, "load", "(" + RT_D + CPU_D + "JI)J", false);
                Normalize.afterLoad(mv, call.type());
                return true;
            }
            case ATOMIC_STORE -> {
                rtCpu(mv);
                emit(a.get(0));
                iconst(mv, (int) pointee(a.get(1)).size());
                emit(a.get(1));
                mv.visitMethodInsn(INVOKESTATIC, MEM, "store", "(" + RT_D + CPU_D + "JIJ)V", false);
                return false;
            }
            case ATOMIC_CAS, ATOMIC_ADD, ATOMIC_SWAP, ATOMIC_SETBITS, ATOMIC_CLEARBITS -> {
                Type t = pointee(a.get(1));
                rtCpu(mv);
                for (LExpr x : a) emit(x);
                iconst(mv, (int) t.size());
                String name = switch (in) {
                    case ATOMIC_CAS -> "atomicCas";
                    case ATOMIC_ADD -> "atomicAdd";
                    case ATOMIC_SWAP -> "atomicSwap";
                    case ATOMIC_SETBITS -> "atomicSetBits";
                    default -> "atomicClearBits";
                };
                boolean value = in != Intrinsic.ATOMIC_SETBITS && in != Intrinsic.ATOMIC_CLEARBITS;
                mv.visitMethodInsn(INVOKESTATIC, OPS, name, "(" + RT_D + CPU_D + "J".repeat(a.size()) + "I)" + (value ? "J" : "V"), false);
                if (value) Normalize.afterLoad(mv, t);
                return value;
            }
            case MEMCPY -> { rtCpuThen(a); mv.visitMethodInsn(INVOKESTATIC, MEM, "copy", "(" + RT_D + CPU_D + "JJJ)V", false); return false; }
            case MEMSET -> { rtCpuThen(a); mv.visitMethodInsn(INVOKESTATIC, MEM, "memset", "(" + RT_D + CPU_D + "JJJ)V", false); return false; }
            case SHADOW_ALLOC -> {
                mv.visitVarInsn(ALOAD, RT_L);
                cpuThen(a);
                mv.visitMethodInsn(INVOKEVIRTUAL, RT, "shadowAlloc", "(" + CPU_D + "JJJ)V", false);
                return false;
            }
            case SHADOW_FREE -> {
                mv.visitVarInsn(ALOAD, RT_L);
                cpuThen(a);
                mv.visitMethodInsn(INVOKEVIRTUAL, RT, "shadowFree", "(" + CPU_D + "JJ)V", false);
                return false;
            }
            default -> throw new IllegalStateException(in.tklName + " is not an expression intrinsic");
        }
    }

    /** The type an atomic's pointer argument points to: the type of its value argument. */
    private static Type pointee(LExpr value) {
        Type t = value.type();
        return t instanceof Type.Int ? t : Types.U64;
    }

    private void cpuThen(List<LExpr> args) {
        mv.visitVarInsn(ALOAD, CPU_L);
        for (LExpr x : args) emit(x);
    }

    private void rtCpuThen(List<LExpr> args) {
        rtCpu(mv);
        for (LExpr x : args) emit(x);
    }

    private void ops(String name, String desc) {
        mv.visitMethodInsn(INVOKESTATIC, OPS, name, desc, false);
    }
}
