package dev.tk86.kernel.ast;

/** {@code =} and the compound assignments; {@code binary} is the operator a compound one applies. */
public enum AssignOp {
    SET("=", null),
    ADD("+=", BinaryOp.ADD), SUB("-=", BinaryOp.SUB), MUL("*=", BinaryOp.MUL),
    DIV("/=", BinaryOp.DIV), REM("%=", BinaryOp.REM), AND("&=", BinaryOp.AND),
    OR("|=", BinaryOp.OR), XOR("^=", BinaryOp.XOR), SHL("<<=", BinaryOp.SHL), SHR(">>=", BinaryOp.SHR);

    public final String symbol;
    public final BinaryOp binary;

    AssignOp(String symbol, BinaryOp binary) {
        this.symbol = symbol;
        this.binary = binary;
    }
}
