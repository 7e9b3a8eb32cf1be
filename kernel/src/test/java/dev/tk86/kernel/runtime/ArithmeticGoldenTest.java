package dev.tk86.kernel.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tk86.kernel.testing.TklImage;
import dev.tk86.kernel.testing.TklMachine;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Integer arithmetic of every TKL type on the emulated CPU, against an independent model in
 * exact (BigInteger) arithmetic reduced modulo 2^bits (docs/tkl.md, "Types and conversions";
 * TExpr.Binary): wraparound of + - * and unary - and ~, truncating signed and unsigned
 * division and remainder, shifts with the count masked to 31 (63 for 64-bit types),
 * arithmetic right shift for signed types and logical for unsigned ones, signed and unsigned
 * comparisons, and every integer conversion. The operands are function parameters, so
 * nothing is folded at compile time.
 */
class ArithmeticGoldenTest {
    record T(String name, int bits, boolean signed) {
        BigInteger mod() { return BigInteger.ONE.shiftLeft(bits); }

        BigInteger wrap(BigInteger v) {
            BigInteger r = v.mod(mod());
            if (signed && r.testBit(bits - 1)) r = r.subtract(mod());
            return r;
        }

        BigInteger min() { return signed ? BigInteger.ONE.shiftLeft(bits - 1).negate() : BigInteger.ZERO; }

        BigInteger max() { return signed ? BigInteger.ONE.shiftLeft(bits - 1).subtract(BigInteger.ONE) : mod().subtract(BigInteger.ONE); }

        String conv() { return signed ? "%d" : "%u"; }

        String lit(BigInteger v) { return v.toString(); }
    }

    static final List<T> TYPES = List.of(new T("u8", 8, false), new T("u16", 16, false), new T("u32", 32, false),
            new T("u64", 64, false), new T("i8", 8, true), new T("i16", 16, true), new T("i32", 32, true), new T("i64", 64, true));

    static List<BigInteger> values(T t) {
        List<BigInteger> v = new ArrayList<>();
        for (BigInteger x : List.of(t.min(), t.max(), t.max().subtract(BigInteger.ONE), t.min().add(BigInteger.ONE),
                BigInteger.ONE, BigInteger.valueOf(2), BigInteger.valueOf(7), BigInteger.valueOf(100),
                t.wrap(new BigInteger("5a5a5a5a5a5a5a5a", 16)), t.wrap(BigInteger.valueOf(-3)), t.wrap(BigInteger.valueOf(-100)))) {
            if (!v.contains(x)) v.add(x);
        }
        return v;
    }

    static final int[] SHIFTS = {0, 1, 3, 7, 9, 15, 17, 31, 33, 63};

    static BigInteger shl(T t, BigInteger a, int s) {
        int c = s & (t.bits() == 64 ? 63 : 31);
        return t.wrap(a.shiftLeft(c));
    }

    static BigInteger shr(T t, BigInteger a, int s) {
        int c = s & (t.bits() == 64 ? 63 : 31);
        return t.wrap(a.shiftRight(c)); // floor: arithmetic for signed, logical for (non-negative) unsigned
    }

    static String b(boolean x) { return x ? "1" : "0"; }

    @Test
    void everyOperatorOfEveryTypeWrapsLikeTheModel() {
        StringBuilder tkl = new StringBuilder();
        StringBuilder main = new StringBuilder("fn main() -> u64 {\n");
        StringBuilder expected = new StringBuilder();
        int n = 0;
        for (T t : TYPES) {
            String f = t.conv();
            tkl.append("fn ops_").append(t.name()).append("(a: ").append(t.name()).append(", b: ").append(t.name())
                    .append(", s: u32) {\n    printf(\"").append((f + " ").repeat(10)).append("\", a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> s);\n")
                    .append("    printf(\"").append(f).append(' ').append(f).append(" %u %u %u %u %u %u\\n\", ~a, -a, (a < b) as u8, (a <= b) as u8, (a == b) as u8, (a != b) as u8, (a > b) as u8, (a >= b) as u8);\n}\n");
            List<BigInteger> vs = values(t);
            for (BigInteger a : vs) {
                for (BigInteger bb : vs) {
                    if (bb.signum() == 0 || (t.signed() && a.equals(t.min()) && bb.equals(BigInteger.ONE.negate()))) continue;
                    int s = SHIFTS[n++ % SHIFTS.length];
                    main.append("    ops_").append(t.name()).append('(').append(t.lit(a)).append(", ").append(t.lit(bb)).append(", ").append(s).append(");\n");
                    List<String> out = new ArrayList<>();
                    out.add(t.wrap(a.add(bb)).toString());
                    out.add(t.wrap(a.subtract(bb)).toString());
                    out.add(t.wrap(a.multiply(bb)).toString());
                    out.add(t.wrap(a.divide(bb)).toString());
                    out.add(t.wrap(a.remainder(bb)).toString());
                    out.add(t.wrap(a.and(bb)).toString());
                    out.add(t.wrap(a.or(bb)).toString());
                    out.add(t.wrap(a.xor(bb)).toString());
                    out.add(shl(t, a, s).toString());
                    out.add(shr(t, a, s).toString());
                    expected.append(String.join(" ", out)).append(' ');
                    int cmp = a.compareTo(bb);
                    expected.append(t.wrap(a.not())).append(' ').append(t.wrap(a.negate())).append(' ')
                            .append(b(cmp < 0)).append(' ').append(b(cmp <= 0)).append(' ').append(b(cmp == 0)).append(' ')
                            .append(b(cmp != 0)).append(' ').append(b(cmp > 0)).append(' ').append(b(cmp >= 0)).append('\n');
                }
            }
        }
        main.append("    return 0;\n}\n");
        TklMachine m = new TklMachine(TklImage.of("arith.tk", tkl.toString() + main).build());
        m.runMain();
        assertEquals(expected.toString(), m.console());
    }

    @Test
    void everyConversionTruncatesOrExtendsByTheSourceSignedness() {
        StringBuilder tkl = new StringBuilder();
        StringBuilder main = new StringBuilder("fn main() -> u64 {\n");
        StringBuilder expected = new StringBuilder();
        for (T from : TYPES) {
            tkl.append("fn conv_").append(from.name()).append("(x: ").append(from.name()).append(") {\n    printf(\"");
            StringBuilder args = new StringBuilder();
            for (T to : TYPES) {
                tkl.append(to.conv()).append(' ');
                args.append(", x as ").append(to.name());
            }
            tkl.append("\\n\"").append(args).append(");\n}\n");
            for (BigInteger x : values(from)) {
                main.append("    conv_").append(from.name()).append('(').append(x).append(");\n");
                List<String> out = new ArrayList<>();
                for (T to : TYPES) out.add(to.wrap(x).toString());
                expected.append(String.join(" ", out)).append(" \n");
            }
        }
        main.append("    return 0;\n}\n");
        TklMachine m = new TklMachine(TklImage.of("conv.tk", tkl.toString() + main).build());
        m.runMain();
        assertEquals(expected.toString(), m.console());
    }
}
