package dev.tk86.kernel.typed;

import dev.tk86.kernel.diag.Pos;
import java.math.BigInteger;

/**
 * An {@code assym NAME = expr;} export: one {@code #define NAME value} line of assym.h. The
 * value is exact (a u64 such as KERNBASE stays positive), within [-2^63, 2^64).
 */
public record Assym(String name, BigInteger value, Pos pos) {}
