package dev.tk86.kernel.ast;

/** Prefix operators. */
public enum UnaryOp {
    NEG("-"), NOT("!"), BITNOT("~"), DEREF("*"), ADDR("&");

    public final String symbol;

    UnaryOp(String symbol) { this.symbol = symbol; }
}
