package dev.tk86.kernel.types;

import dev.tk86.kernel.layout.StructLayout;
import java.util.List;

/**
 * Semantic types. Equality is written out rather than left to the record defaults: those are
 * bootstrapped through invokedynamic on first use, a measurable cost when the loader runs the
 * front end at boot on a cold JVM.
 *
 * <p> {@link #size()} and {@link #align()} follow the SysV x86-64 psABI (see
 * layout.LayoutRules). {@link Untyped}, {@link NullType} and {@link Error} exist only while
 * checking: a CheckedProgram never contains them.
 */
public sealed interface Type {
    long size();

    long align();

    /** Values of this type fit a register (ints, bool, pointers, function pointers). */
    default boolean isScalar() { return false; }

    /** Fixed-width integer; {@code bits} is 8, 16, 32 or 64. */
    record Int(int bits, boolean signed) implements Type {
        public long size() { return bits / 8; }
        public long align() { return bits / 8; }
        @Override public boolean isScalar() { return true; }
        public long minValue() { return signed ? -(1L << (bits - 1)) : 0; }
        /** Largest value as an unsigned 64-bit pattern (u64's is -1L). */
        public long maxValue() { return signed ? (1L << (bits - 1)) - 1 : bits == 64 ? -1L : (1L << bits) - 1; }
        @Override public boolean equals(Object o) { return o instanceof Int i && i.bits == bits && i.signed == signed; }
        @Override public int hashCode() { return bits * 2 + (signed ? 1 : 0); }
        @Override public String toString() { return (signed ? "i" : "u") + bits; }
    }

    /** One byte, 0 or 1. */
    record Bool() implements Type {
        @Override public boolean equals(Object o) { return o instanceof Bool; }
        @Override public int hashCode() { return 1; }
        public long size() { return 1; }
        public long align() { return 1; }
        @Override public boolean isScalar() { return true; }
        @Override public String toString() { return "bool"; }
    }

    /** Only as a pointee ({@code *void}, the opaque pointer) or as "returns nothing". */
    record Void() implements Type {
        @Override public boolean equals(Object o) { return o instanceof Void; }
        @Override public int hashCode() { return 2; }
        public long size() { return 0; }
        public long align() { return 1; }
        @Override public String toString() { return "void"; }
    }

    record Ptr(Type target) implements Type {
        public long size() { return 8; }
        public long align() { return 8; }
        @Override public boolean isScalar() { return true; }
        public boolean isOpaque() { return target instanceof Void; }
        @Override public boolean equals(Object o) { return o instanceof Ptr p && p.target.equals(target); }
        @Override public int hashCode() { return 31 * target.hashCode() + 7; }
        @Override public String toString() { return "*" + target; }
    }

    record Array(long length, Type element) implements Type {
        public long size() { return length * element.size(); }
        public long align() { return element.align(); }
        @Override public boolean equals(Object o) { return o instanceof Array a && a.length == length && a.element.equals(element); }
        @Override public int hashCode() { return 31 * element.hashCode() + Long.hashCode(length); }
        @Override public String toString() { return "[" + length + "]" + element; }
    }

    /**
     * A struct, by its layout. Two struct types are equal when they are the same declaration
     * (names are unique in a tree). The layout object is filled in by the checker before any
     * size is asked for.
     */
    record Struct(String name, StructLayout.Ref ref) implements Type {
        public StructLayout layout() { return ref.get(); }
        public long size() { return ref.get().size(); }
        public long align() { return ref.get().align(); }
        @Override public boolean equals(Object o) { return o instanceof Struct s && s.name.equals(name); }
        @Override public int hashCode() { return name.hashCode(); }
        @Override public String toString() { return name; }
    }

    /** Function pointer type; {@code result} is {@link Void} when it returns nothing. */
    record Fn(List<Type> params, Type result) implements Type {
        public long size() { return 8; }
        public long align() { return 8; }
        @Override public boolean isScalar() { return true; }
        @Override public boolean equals(Object o) { return o instanceof Fn f && f.params.equals(params) && f.result.equals(result); }
        @Override public int hashCode() { return 31 * params.hashCode() + result.hashCode(); }
        @Override public String toString() {
            StringBuilder sb = new StringBuilder("fn(");
            for (int i = 0; i < params.size(); i++) sb.append(i == 0 ? "" : ", ").append(params.get(i));
            sb.append(')');
            if (!(result instanceof Void)) sb.append(" -> ").append(result);
            return sb.toString();
        }
    }

    /** Checker only: an integer constant that has not yet taken a type from its context. */
    record Untyped() implements Type {
        @Override public boolean equals(Object o) { return o instanceof Untyped; }
        @Override public int hashCode() { return 3; }
        public long size() { return 8; }
        public long align() { return 8; }
        @Override public boolean isScalar() { return true; }
        @Override public String toString() { return "integer constant"; }
    }

    /** Checker only: the type of {@code null} before it meets a pointer type. */
    record NullType() implements Type {
        @Override public boolean equals(Object o) { return o instanceof NullType; }
        @Override public int hashCode() { return 4; }
        public long size() { return 8; }
        public long align() { return 8; }
        @Override public boolean isScalar() { return true; }
        @Override public String toString() { return "null"; }
    }

    /** Checker only: the type of an expression that already produced an error (silences cascades). */
    record Error() implements Type {
        @Override public boolean equals(Object o) { return o instanceof Error; }
        @Override public int hashCode() { return 5; }
        public long size() { return 8; }
        public long align() { return 8; }
        @Override public boolean isScalar() { return true; }
        @Override public String toString() { return "<error>"; }
    }
}
