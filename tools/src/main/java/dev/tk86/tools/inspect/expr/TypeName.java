package dev.tk86.tools.inspect.expr;

/** A type as written in an expression ({@code u64}, {@code proc}, {@code *proc}, {@code [4]u8}), resolved at evaluation. */
public sealed interface TypeName {
    record Named(String name) implements TypeName {
        @Override public String toString() { return name; }
    }

    record Pointer(TypeName target) implements TypeName {
        @Override public String toString() { return "*" + target; }
    }

    record Array(long length, TypeName element) implements TypeName {
        @Override public String toString() { return "[" + length + "]" + element; }
    }
}
