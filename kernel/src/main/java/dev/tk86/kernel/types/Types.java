package dev.tk86.kernel.types;

/** The built-in types as shared instances, and small predicates the checker and codegen both use. */
public final class Types {
    public static final Type.Int U8 = new Type.Int(8, false);
    public static final Type.Int U16 = new Type.Int(16, false);
    public static final Type.Int U32 = new Type.Int(32, false);
    public static final Type.Int U64 = new Type.Int(64, false);
    public static final Type.Int I8 = new Type.Int(8, true);
    public static final Type.Int I16 = new Type.Int(16, true);
    public static final Type.Int I32 = new Type.Int(32, true);
    public static final Type.Int I64 = new Type.Int(64, true);
    public static final Type.Bool BOOL = new Type.Bool();
    public static final Type.Void VOID = new Type.Void();
    public static final Type.Ptr OPAQUE_PTR = new Type.Ptr(VOID);
    public static final Type.Ptr STRING = new Type.Ptr(U8);
    public static final Type.Untyped UNTYPED = new Type.Untyped();
    public static final Type.NullType NULL = new Type.NullType();
    public static final Type.Error ERROR = new Type.Error();

    private Types() {}

    /** The built-in scalar named {@code name}, or null. */
    public static Type primitive(String name) {
        return switch (name) {
            case "u8" -> U8; case "u16" -> U16; case "u32" -> U32; case "u64" -> U64;
            case "i8" -> I8; case "i16" -> I16; case "i32" -> I32; case "i64" -> I64;
            case "bool" -> BOOL; case "void" -> VOID;
            default -> null;
        };
    }

    public static boolean isInt(Type t) { return t instanceof Type.Int; }

    public static boolean isIntLike(Type t) { return t instanceof Type.Int || t instanceof Type.Untyped; }

    public static boolean isPointer(Type t) { return t instanceof Type.Ptr; }

    public static boolean isError(Type t) { return t instanceof Type.Error; }

    /**
     * Lossless widening between integer types: every value of {@code from} is a value of
     * {@code to} (u8 -> u16/u32/u64/i16/i32/i64, i8 -> i16/i32/i64, u32 -> i64, ...).
     */
    public static boolean widens(Type.Int from, Type.Int to) {
        if (from.equals(to)) return true;
        if (from.signed() == to.signed()) return to.bits() > from.bits();
        return !from.signed() && to.signed() && to.bits() > from.bits();
    }

    /** Normalises a 64-bit pattern to the canonical long for {@code t}: sign- or zero-extended from its width. */
    public static long normalize(Type.Int t, long v) {
        int b = t.bits();
        if (b == 64) return v;
        return t.signed() ? (v << (64 - b)) >> (64 - b) : v & ((1L << b) - 1);
    }
}
