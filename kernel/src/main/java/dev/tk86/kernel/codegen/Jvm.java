package dev.tk86.kernel.codegen;

import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Internal names, descriptors and small emit helpers shared by the code generator. */
final class Jvm implements Opcodes {
    private Jvm() {}

    static final String CPU = "dev/tk86/isa/cpu/Cpu";
    static final String RT = "dev/tk86/kernel/runtime/TklRuntime";
    static final String MEM = "dev/tk86/kernel/runtime/Mem";
    static final String FRAMES = "dev/tk86/kernel/runtime/Frames";
    static final String OPS = "dev/tk86/kernel/runtime/Ops";
    static final String ARITH = "dev/tk86/kernel/runtime/Arith";
    static final String COMPILED = "dev/tk86/kernel/runtime/CompiledFunction";
    static final String CPU_D = "L" + CPU + ";";
    static final String RT_D = "L" + RT + ";";
    /** A step method: (cpu, rt, base) -> next-site code. */
    static final String STEP_D = "(" + CPU_D + RT_D + "J)I";
    static final String RUN_D = "(" + CPU_D + RT_D + "JIZ)V";

    /** JVM locals of a step method. */
    static final int CPU_L = 0, RT_L = 1, BASE_L = 2, RBP_L = 4, RAX_L = 6, FIRST_FREE = 8;

    static void lconst(MethodVisitor mv, long v) {
        if (v == 0) mv.visitInsn(LCONST_0);
        else if (v == 1) mv.visitInsn(LCONST_1);
        else mv.visitLdcInsn(v);
    }

    static void iconst(MethodVisitor mv, int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    /** Pushes rt and cpu, the first two arguments of every memory helper. */
    static void rtCpu(MethodVisitor mv) {
        mv.visitVarInsn(ALOAD, RT_L);
        mv.visitVarInsn(ALOAD, CPU_L);
    }

    /** Pushes cpu.r[reg]. */
    static void getReg(MethodVisitor mv, int reg) {
        mv.visitVarInsn(ALOAD, CPU_L);
        mv.visitFieldInsn(GETFIELD, CPU, "r", "[J");
        iconst(mv, reg);
        mv.visitInsn(LALOAD);
    }
}
