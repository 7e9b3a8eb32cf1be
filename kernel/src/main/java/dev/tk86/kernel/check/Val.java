package dev.tk86.kernel.check;

import dev.tk86.kernel.typed.TExpr;
import dev.tk86.kernel.types.Type;
import java.math.BigInteger;

/**
 * A checked expression plus, when it is a compile-time constant, its exact value. Integer
 * constants without a type yet (literals and arithmetic on them) are exact; typed constants
 * hold their value as the type reads it (signed or unsigned); bools are 0/1.
 */
record Val(TExpr expr, BigInteger constant) {
    Type type() { return expr.type(); }

    boolean isConst() { return constant != null; }

    static Val of(TExpr e) { return new Val(e, null); }
}
