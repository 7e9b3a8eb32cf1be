package dev.tk86.kernel.codegen;

import static dev.tk86.kernel.codegen.Jvm.*;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.kernel.lower.Action;
import dev.tk86.kernel.lower.LExpr;
import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.Step;
import dev.tk86.kernel.lower.StepKind;
import dev.tk86.kernel.lower.SymbolCollector;
import dev.tk86.kernel.lower.Terminator;
import dev.tk86.kernel.runtime.CompiledFunction;
import dev.tk86.kernel.typed.Local;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The method of one site: {@code static int sK(Cpu cpu, TklRuntime rt, long base)}. It runs
 * the step's actions and terminator and returns what comes next: a site number (go on, if
 * the run may), {@code ~site} (a loop's back edge: stop with RIP there) or
 * {@link CompiledFunction#STOP} (RIP already set by a call, return or panic).
 */
final class StepCodegen implements Opcodes {
    /** SysV AMD64 integer argument registers, in order. */
    static final int[] ARG_REGS = {Reg.RDI, Reg.RSI, Reg.RDX, Reg.RCX, Reg.R8, Reg.R9};

    private final MethodVisitor mv;
    private final LoweredFunction fn;
    private final Step step;
    private final ExprCodegen ex;

    StepCodegen(MethodVisitor mv, LoweredFunction fn, Step step, Map<String, Long> addresses) {
        this.mv = mv;
        this.fn = fn;
        this.step = step;
        this.ex = new ExprCodegen(mv, addresses);
    }

    void emit() {
        mv.visitCode();
        Label start = new Label();
        mv.visitLabel(start);
        if (step.pos().line() > 0) mv.visitLineNumber(step.pos().line(), start);
        if (step.kind() == StepKind.ENTRY) {
            prologue();
        } else {
            boolean[] uses = uses();
            if (uses[0]) { getReg(mv, Reg.RBP); mv.visitVarInsn(LSTORE, RBP_L); }
            if (uses[1]) { getReg(mv, Reg.RAX); mv.visitVarInsn(LSTORE, RAX_L); }
        }
        for (Action a : step.actions()) action(a);
        terminator(step.terminator());
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** {rbp needed, rax needed}: frame addresses and temporaries need rbp, a call's result needs rax. */
    private boolean[] uses() {
        boolean[] u = new boolean[2];
        for (Action a : step.actions()) if (a instanceof Action.SetTemp || a instanceof Action.Zero) u[0] = true;
        for (LExpr root : SymbolCollector.roots(step)) {
            SymbolCollector.walk(root, e -> {
                if (e instanceof LExpr.Frame || e instanceof LExpr.Temp) u[0] = true;
                if (e instanceof LExpr.CallResult) u[1] = true;
            });
        }
        return u;
    }

    private void prologue() {
        rtCpu(mv);
        lconst(mv, fn.frameSize());
        mv.visitMethodInsn(INVOKESTATIC, FRAMES, "enter", "(" + RT_D + CPU_D + "J)J", false);
        mv.visitVarInsn(LSTORE, RBP_L);
        for (Local p : fn.function().params()) {
            rtCpu(mv);
            ex.frameAddress(p.frameOffset());
            getReg(mv, ARG_REGS[p.paramIndex()]);
            ex.storeFromStack(p.type());
        }
    }

    private static boolean invariant(LExpr address) { return LExpr.isInvariant(address); }

    private void action(Action a) {
        if (a instanceof Action.Store s) {
            if (invariant(s.address())) {
                rtCpu(mv);
                ex.emit(s.address());
                ex.emit(s.value());
            } else {
                // The value first, then the address: the documented order of evaluation.
                ex.emit(s.value());
                int v = ex.newLocal();
                mv.visitVarInsn(LSTORE, v);
                rtCpu(mv);
                ex.emit(s.address());
                mv.visitVarInsn(LLOAD, v);
            }
            ex.storeFromStack(s.type());
        } else if (a instanceof Action.Compound c) {
            compound(c);
        } else if (a instanceof Action.SetTemp t) {
            rtCpu(mv);
            ex.frameAddress(t.offset());
            ex.emit(t.value());
            mv.visitMethodInsn(INVOKESTATIC, MEM, "st64", "(" + RT_D + CPU_D + "JJ)V", false);
        } else if (a instanceof Action.Zero z) {
            rtCpu(mv);
            ex.frameAddress(z.offset());
            lconst(mv, z.size());
            lconst(mv, 0);
            mv.visitMethodInsn(INVOKESTATIC, MEM, "fill", "(" + RT_D + CPU_D + "JJJ)V", false);
        } else if (a instanceof Action.Effect e) {
            if (ex.intrinsic(e.call())) mv.visitInsn(POP2);
        } else if (a instanceof Action.Print p) {
            print("printf", p.format(), p.args());
        } else {
            Action.Assert as = (Action.Assert) a;
            Label ok = new Label();
            ex.emit(as.cond());
            lconst(mv, 0);
            mv.visitInsn(LCMP);
            mv.visitJumpInsn(IFNE, ok);
            mv.visitVarInsn(ALOAD, RT_L);
            mv.visitVarInsn(ALOAD, CPU_L);
            mv.visitLdcInsn(as.message());
            mv.visitMethodInsn(INVOKEVIRTUAL, RT, "assertFailed", "(" + CPU_D + "Ljava/lang/String;)V", false);
            stop();
            mv.visitLabel(ok);
        }
    }

    private void compound(Action.Compound c) {
        ex.emit(c.value());
        int v = ex.newLocal();
        mv.visitVarInsn(LSTORE, v);
        ex.emit(c.address());
        int addr = ex.newLocal();
        mv.visitVarInsn(LSTORE, addr);
        rtCpu(mv);
        mv.visitVarInsn(LLOAD, addr);
        rtCpu(mv);
        mv.visitVarInsn(LLOAD, addr);
        ex.loadFromStack(c.type());
        mv.visitVarInsn(LLOAD, v);
        if (c.scale() != 0) {
            lconst(mv, c.scale());
            mv.visitInsn(LMUL);
            mv.visitInsn(c.op() == dev.tk86.kernel.typed.TExpr.BinOp.SUB ? LSUB : LADD);
        } else {
            ex.binaryOp(c.op(), c.type());
        }
        ex.storeFromStack(c.type());
    }

    private void print(String method, int format, List<LExpr> args) {
        mv.visitVarInsn(ALOAD, RT_L);
        mv.visitVarInsn(ALOAD, CPU_L);
        iconst(mv, format);
        iconst(mv, args.size());
        mv.visitIntInsn(NEWARRAY, T_LONG);
        for (int i = 0; i < args.size(); i++) {
            mv.visitInsn(DUP);
            iconst(mv, i);
            ex.emit(args.get(i));
            mv.visitInsn(LASTORE);
        }
        mv.visitMethodInsn(INVOKEVIRTUAL, RT, method, "(" + CPU_D + "I[J)V", false);
    }

    private void terminator(Terminator t) {
        if (t instanceof Terminator.Goto g) {
            next(g.target().site());
        } else if (t instanceof Terminator.Branch b) {
            int yes = b.ifTrue().site(), no = b.ifFalse().site();
            if (yes == no) {
                ex.emit(b.cond());
                mv.visitInsn(POP2);
                next(yes);
                return;
            }
            Label otherwise = new Label();
            ex.jumpIfFalse(b.cond(), otherwise);
            next(yes);
            mv.visitLabel(otherwise);
            next(no);
        } else if (t instanceof Terminator.Call c) {
            call(c);
        } else if (t instanceof Terminator.Return r) {
            rtCpu(mv);
            if (r.value() != null) ex.emit(r.value());
            else mv.visitInsn(LCONST_0);
            iconst(mv, r.value() != null ? 1 : 0);
            mv.visitMethodInsn(INVOKESTATIC, FRAMES, "leave", "(" + RT_D + CPU_D + "JZ)V", false);
            stop();
        } else if (t instanceof Terminator.Panic p) {
            print("panic", p.format(), p.args());
            stop();
        } else {
            Terminator.Unreachable u = (Terminator.Unreachable) t;
            mv.visitVarInsn(ALOAD, RT_L);
            mv.visitVarInsn(ALOAD, CPU_L);
            mv.visitLdcInsn(u.what());
            mv.visitMethodInsn(INVOKEVIRTUAL, RT, "unreachable", "(" + CPU_D + "Ljava/lang/String;)V", false);
            stop();
        }
    }

    /** Every value is computed before any register changes; then the arguments, the push and the jump. */
    private void call(Terminator.Call c) {
        ex.emit(c.target());
        int target = ex.newLocal();
        mv.visitVarInsn(LSTORE, target);
        int[] args = new int[c.args().size()];
        for (int i = 0; i < args.length; i++) {
            ex.emit(c.args().get(i));
            args[i] = ex.newLocal();
            mv.visitVarInsn(LSTORE, args[i]);
        }
        for (int i = 0; i < args.length; i++) {
            mv.visitVarInsn(ALOAD, CPU_L);
            mv.visitFieldInsn(GETFIELD, CPU, "r", "[J");
            iconst(mv, ARG_REGS[i]);
            mv.visitVarInsn(LLOAD, args[i]);
            mv.visitInsn(LASTORE);
        }
        rtCpu(mv);
        mv.visitVarInsn(LLOAD, target);
        mv.visitVarInsn(LLOAD, BASE_L);
        lconst(mv, step.site() + 1L);
        mv.visitInsn(LADD);
        mv.visitMethodInsn(INVOKESTATIC, FRAMES, "call", "(" + RT_D + CPU_D + "JJ)V", false);
        stop();
    }

    /** Returns the code for "continue at {@code site}": a back edge (not forward) ends a fast run. */
    private void next(int site) {
        iconst(mv, site > step.site() ? site : ~site);
        mv.visitInsn(IRETURN);
    }

    private void stop() {
        mv.visitLdcInsn(CompiledFunction.STOP);
        mv.visitInsn(IRETURN);
    }
}
