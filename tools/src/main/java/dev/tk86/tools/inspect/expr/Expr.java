package dev.tk86.tools.inspect.expr;

/**
 * The expressions {@code p} evaluates: a TKL subset for reading kernel state (names, literals,
 * {@code . -> * & []}, {@code as} casts, {@code + -}) plus {@code $register} and the calls
 * {@code curcpu()}. {@code column} is 1-based, for error messages.
 */
public sealed interface Expr {
    int column();

    record Number(long value, int column) implements Expr { }

    record Name(String name, int column) implements Expr { }

    record Register(String name, int column) implements Expr { }

    record Call(String function, int column) implements Expr { }

    record Field(Expr target, String field, boolean arrow, int column) implements Expr { }

    record Index(Expr target, Expr index, int column) implements Expr { }

    record Deref(Expr target, int column) implements Expr { }

    record AddressOf(Expr target, int column) implements Expr { }

    record Negate(Expr target, int column) implements Expr { }

    record Binary(char op, Expr left, Expr right, int column) implements Expr { }

    record Cast(Expr target, TypeName type, int column) implements Expr { }
}
