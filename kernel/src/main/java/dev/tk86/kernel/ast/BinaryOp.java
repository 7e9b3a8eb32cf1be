package dev.tk86.kernel.ast;

/** Infix operators, with their precedence (higher binds tighter; see docs/tkl.md). */
public enum BinaryOp {
    MUL("*", 10), DIV("/", 10), REM("%", 10),
    ADD("+", 9), SUB("-", 9),
    SHL("<<", 8), SHR(">>", 8),
    AND("&", 7),
    XOR("^", 6),
    OR("|", 5),
    EQ("==", 4), NE("!=", 4), LT("<", 4), LE("<=", 4), GT(">", 4), GE(">=", 4),
    LAND("&&", 3),
    LOR("||", 2);

    public final String symbol;
    public final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public boolean isComparison() { return precedence == 4; }

    public boolean isLogical() { return this == LAND || this == LOR; }

    public boolean isShift() { return this == SHL || this == SHR; }
}
