package dev.tk86.isa.exec;

import static org.objectweb.asm.Opcodes.*;

import dev.tk86.isa.cpu.Cpu;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Modifier;
import java.util.List;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

/**
 * Generates one hidden class per hot {@link Block}. Its {@code run} is the executor's loop
 * unrolled over the block's ops, each op loaded as a constant of its exact class (a dynamic
 * constant taken from the class data, JDK 16+ {@code MethodHandles.classDataAt}), so every
 * {@code exec} call is monomorphic and C2 inlines the whole block, op fields included.
 *
 * <p>The classes are defined through this package's lookup, so they may name the
 * package-private op classes, and they are not strongly bound to their loader: a block of a
 * dropped frame is unloaded with it.
 */
final class BlockCompiler {
    private BlockCompiler() { }

    private static final MethodHandles.Lookup LOOKUP = MethodHandles.lookup();
    private static final String NAME = Type.getInternalName(Block.class) + "$Hot";
    private static final String CPU = Type.getInternalName(Cpu.class);
    private static final Handle CLASS_DATA_AT = new Handle(H_INVOKESTATIC, "java/lang/invoke/MethodHandles", "classDataAt",
            "(Ljava/lang/invoke/MethodHandles$Lookup;Ljava/lang/String;Ljava/lang/Class;I)Ljava/lang/Object;", false);

    /** Compiles {@code ops} (consecutive, op i at offset {@code starts[i]} from the first). */
    static Block compile(Op[] ops, int[] starts) {
        Class<?>[] types = new Class<?>[ops.length];
        int[] ends = new int[ops.length];
        for (int i = 0; i < ops.length; i++) {
            types[i] = nameable(ops[i].getClass());
            ends[i] = starts[i] + ops[i].length;
        }
        byte[] bytes = generate(types, ends);
        try {
            Class<?> c = LOOKUP.defineHiddenClassWithClassData(bytes, List.of(ops), true).lookupClass();
            return (Block) c.getDeclaredConstructor(int[].class).newInstance((Object) starts);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("defining a hot block class failed", e);
        }
    }

    /** The class to call {@code exec} through: the op's own unless bytecode cannot name it. */
    private static Class<?> nameable(Class<?> c) {
        boolean here = c.getPackageName().equals(Op.class.getPackageName()) || Modifier.isPublic(c.getModifiers());
        return here && !c.isHidden() && !c.isAnonymousClass() ? c : Op.class;
    }

    /**
     * The class file: {@code run(cpu, rip)} does, for each op i,
     * {@code cpu.steps++; cpu.rip = rip + ends[i]; op_i.exec(cpu); if (cpu.exitRun) return i + 1;}
     * and returns the op count.
     */
    static byte[] generate(Class<?>[] types, int[] ends) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS) {
            @Override protected String getCommonSuperClass(String a, String b) { return "java/lang/Object"; }
        };
        String base = Type.getInternalName(Block.class);
        cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, NAME, null, base, null);

        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "([I)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitMethodInsn(INVOKESPECIAL, base, "<init>", "([I)V", false);
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        String cpuDesc = Type.getDescriptor(Cpu.class);
        MethodVisitor m = cw.visitMethod(0, "run", "(" + cpuDesc + "J)I", null, null);
        m.visitCode();
        int n = types.length;
        for (int i = 0; i < n; i++) {
            m.visitVarInsn(ALOAD, 1);
            m.visitInsn(DUP);
            m.visitFieldInsn(GETFIELD, CPU, "steps", "J");
            m.visitInsn(LCONST_1);
            m.visitInsn(LADD);
            m.visitFieldInsn(PUTFIELD, CPU, "steps", "J");
            m.visitVarInsn(ALOAD, 1);
            m.visitVarInsn(LLOAD, 2);
            m.visitLdcInsn((long) ends[i]);
            m.visitInsn(LADD);
            m.visitFieldInsn(PUTFIELD, CPU, "rip", "J");
            String owner = Type.getInternalName(types[i]);
            m.visitLdcInsn(new ConstantDynamic("_", "L" + owner + ";", CLASS_DATA_AT, i));
            m.visitVarInsn(ALOAD, 1);
            m.visitMethodInsn(INVOKEVIRTUAL, owner, "exec", "(" + cpuDesc + ")V", false);
            if (i < n - 1) {
                Label next = new Label();
                m.visitVarInsn(ALOAD, 1);
                m.visitFieldInsn(GETFIELD, CPU, "exitRun", "Z");
                m.visitJumpInsn(IFEQ, next);
                m.visitLdcInsn(i + 1);
                m.visitInsn(IRETURN);
                m.visitLabel(next);
            }
        }
        m.visitLdcInsn(n);
        m.visitInsn(IRETURN);
        m.visitMaxs(0, 0);
        m.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
