package dev.tk86.kernel.codegen;

import dev.tk86.kernel.types.Type;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Keeps a long on the operand stack in the canonical form of its TKL type after wrapping
 * arithmetic or a raw (zero-extended) load: sign-extended from the width for signed types,
 * zero-extended for unsigned ones.
 */
final class Normalize implements Opcodes {
    private Normalize() {}

    static void to(MethodVisitor mv, Type t) {
        if (!(t instanceof Type.Int i) || i.bits() == 64) return;
        if (i.signed()) {
            mv.visitInsn(L2I);
            if (i.bits() == 8) mv.visitInsn(I2B);
            else if (i.bits() == 16) mv.visitInsn(I2S);
            mv.visitInsn(I2L);
        } else {
            mv.visitLdcInsn(i.bits() == 32 ? 0xFFFF_FFFFL : (1L << i.bits()) - 1);
            mv.visitInsn(LAND);
        }
    }

    /** After a zero-extending load: only signed types narrower than 64 bits need work. */
    static void afterLoad(MethodVisitor mv, Type t) {
        if (t instanceof Type.Int i && i.signed()) to(mv, t);
    }

    static boolean isUnsigned64(Type t) {
        return t instanceof Type.Int i ? !i.signed() && i.bits() == 64 : t instanceof Type.Ptr || t instanceof Type.Fn;
    }

    static boolean isSigned(Type t) { return t instanceof Type.Int i && i.signed(); }

    static int bits(Type t) { return t instanceof Type.Int i ? i.bits() : t instanceof Type.Bool ? 8 : 64; }
}
