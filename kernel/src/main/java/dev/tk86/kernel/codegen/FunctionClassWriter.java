package dev.tk86.kernel.codegen;

import static dev.tk86.kernel.codegen.Jvm.*;

import dev.tk86.kernel.lower.LoweredFunction;
import dev.tk86.kernel.lower.Step;
import dev.tk86.kernel.runtime.CompiledFunction;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One JVM class per TKL function: {@code tkl.<name> extends CompiledFunction}, with one
 * static method per site and a {@code run} that dispatches on the site with a tableswitch
 * and, in fast mode, loops over forward steps. Functions of more than {@value #CHUNK}
 * sites dispatch in two levels so that no method grows past the JIT's huge-method limit.
 */
final class FunctionClassWriter implements Opcodes {
    static final int CHUNK = 256;

    private FunctionClassWriter() {}

    static String className(LoweredFunction fn) { return "tkl/" + fn.name(); }

    static byte[] write(LoweredFunction fn, Map<String, Long> addresses) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String a, String b) {
                // Frames only ever merge identical types here; never load classes to find out.
                return a.equals(b) ? a : "java/lang/Object";
            }
        };
        String name = className(fn);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, name, null, COMPILED, null);
        cw.visitSource(fn.function().symbol().pos().path(), null);
        constructor(cw);
        String[] steps = new String[fn.siteCount()];
        for (Step s : fn.steps()) {
            steps[s.site()] = "s" + s.site() + (s.pos().line() > 0 ? "_L" + s.pos().line() : "");
            MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, steps[s.site()], STEP_D, null, null);
            new StepCodegen(mv, fn, s, addresses).emit();
        }
        if (steps.length > CHUNK) {
            for (int c = 0; c * CHUNK < steps.length; c++) chunk(cw, name, steps, c);
        }
        run(cw, name, steps);
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void constructor(ClassWriter cw) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitMethodInsn(INVOKESPECIAL, COMPILED, "<init>", "()V", false);
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static final String CHUNK_D = "(" + CPU_D + RT_D + "JI)I";

    /** {@code static int dC(cpu, rt, base, site)}: the second level of dispatch for sites C*CHUNK... */
    private static void chunk(ClassWriter cw, String owner, String[] steps, int c) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE | ACC_STATIC, "d" + c, CHUNK_D, null, null);
        mv.visitCode();
        int lo = c * CHUNK, hi = Math.min(steps.length, lo + CHUNK) - 1;
        Label[] cases = labels(hi - lo + 1);
        Label bad = new Label();
        mv.visitVarInsn(ILOAD, 4);
        mv.visitTableSwitchInsn(lo, hi, bad, cases);
        for (int k = lo; k <= hi; k++) {
            mv.visitLabel(cases[k - lo]);
            mv.visitVarInsn(ALOAD, 0);
            mv.visitVarInsn(ALOAD, 1);
            mv.visitVarInsn(LLOAD, 2);
            mv.visitMethodInsn(INVOKESTATIC, owner, steps[k], STEP_D, false);
            mv.visitInsn(IRETURN);
        }
        mv.visitLabel(bad);
        badSite(mv, 4);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    private static Label[] labels(int n) {
        Label[] l = new Label[n];
        for (int i = 0; i < n; i++) l[i] = new Label();
        return l;
    }

    private static void badSite(MethodVisitor mv, int siteLocal) {
        mv.visitVarInsn(ILOAD, siteLocal);
        mv.visitMethodInsn(INVOKESTATIC, RT, "badSite", "(I)Ldev/tk86/isa/fault/GuestFault;", false);
        mv.visitInsn(ATHROW);
    }

    /**
     * {@code run(cpu, rt, base, site, fast)}: locals 0 this, 1 cpu, 2 rt, 3-4 base, 5 site,
     * 6 fast, 7 the step's result.
     */
    private static void run(ClassWriter cw, String owner, String[] steps) {
        MethodVisitor mv = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "run", RUN_D, null, null);
        mv.visitCode();
        final int cpu = 1, rt = 2, base = 3, site = 5, fast = 6, n = 7;
        Label loop = new Label(), after = new Label(), cont = new Label(), stop = new Label(), ret = new Label(), bad = new Label();
        mv.visitLabel(loop);
        // RIP is the running step's site, so a fault inside it reports that site.
        setRip(mv, cpu, base, () -> mv.visitVarInsn(ILOAD, site));
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CPU, "tklStatements", "J");
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LADD);
        mv.visitFieldInsn(PUTFIELD, CPU, "tklStatements", "J");
        boolean chunked = steps.length > CHUNK;
        int cases = chunked ? (steps.length + CHUNK - 1) / CHUNK : steps.length;
        Label[] targets = labels(cases);
        mv.visitVarInsn(ILOAD, site);
        if (chunked) {
            Jvm.iconst(mv, 8);
            mv.visitInsn(IUSHR);
        }
        mv.visitTableSwitchInsn(0, cases - 1, bad, targets);
        for (int k = 0; k < cases; k++) {
            mv.visitLabel(targets[k]);
            mv.visitVarInsn(ALOAD, cpu);
            mv.visitVarInsn(ALOAD, rt);
            mv.visitVarInsn(LLOAD, base);
            if (chunked) {
                mv.visitVarInsn(ILOAD, site);
                mv.visitMethodInsn(INVOKESTATIC, owner, "d" + k, CHUNK_D, false);
            } else {
                mv.visitMethodInsn(INVOKESTATIC, owner, steps[k], STEP_D, false);
            }
            mv.visitVarInsn(ISTORE, n);
            mv.visitJumpInsn(GOTO, after);
        }
        mv.visitLabel(bad);
        badSite(mv, site);

        mv.visitLabel(after);
        mv.visitVarInsn(ILOAD, n);
        mv.visitJumpInsn(IFGE, cont);
        mv.visitVarInsn(ILOAD, n);
        mv.visitLdcInsn(CompiledFunction.STOP);
        mv.visitJumpInsn(IF_ICMPEQ, ret);
        // a back edge: ~n is the loop head
        setRip(mv, cpu, base, () -> {
            mv.visitVarInsn(ILOAD, n);
            mv.visitInsn(ICONST_M1);
            mv.visitInsn(IXOR);
        });
        mv.visitLabel(ret);
        mv.visitInsn(RETURN);

        mv.visitLabel(cont);
        mv.visitVarInsn(ILOAD, fast);
        mv.visitJumpInsn(IFEQ, stop);
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitFieldInsn(GETFIELD, CPU, "exitRun", "Z");
        mv.visitJumpInsn(IFNE, stop);
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitFieldInsn(GETFIELD, CPU, "steps", "J");
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitFieldInsn(GETFIELD, CPU, "runLimit", "J");
        mv.visitInsn(LCMP);
        mv.visitJumpInsn(IFGE, stop);
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitInsn(DUP);
        mv.visitFieldInsn(GETFIELD, CPU, "steps", "J");
        mv.visitInsn(LCONST_1);
        mv.visitInsn(LADD);
        mv.visitFieldInsn(PUTFIELD, CPU, "steps", "J");
        mv.visitVarInsn(ILOAD, n);
        mv.visitVarInsn(ISTORE, site);
        mv.visitJumpInsn(GOTO, loop);

        mv.visitLabel(stop);
        setRip(mv, cpu, base, () -> mv.visitVarInsn(ILOAD, n));
        mv.visitInsn(RETURN);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }

    /** cpu.rip = base + (int pushed by {@code site}). */
    private static void setRip(MethodVisitor mv, int cpu, int base, Runnable site) {
        mv.visitVarInsn(ALOAD, cpu);
        mv.visitVarInsn(LLOAD, base);
        site.run();
        mv.visitInsn(I2L);
        mv.visitInsn(LADD);
        mv.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
    }
}
