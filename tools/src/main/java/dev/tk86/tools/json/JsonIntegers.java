package dev.tk86.tools.json;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonValue.JsonNumber;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.math.BigInteger;

/**
 * 64-bit integers as tk86's JSON inputs write them: a JSON integer, or a string holding a
 * hexadecimal ({@code "0xffff800000000000"}) or decimal number. Values from -2^63 to 2^64-1
 * are accepted (hex digits may be grouped with '_') and kept as their 64-bit two's complement pattern, since a register holds bits,
 * not a signed or unsigned number.
 */
public final class JsonIntegers {
    private static final BigInteger MIN = BigInteger.ONE.shiftLeft(63).negate();
    private static final BigInteger MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private JsonIntegers() { }

    /** {@code field} names the value in error messages, e.g. {@code regs.rax}. */
    public static long toLong(JsonValue v, String field) {
        if (v instanceof JsonNumber n) {
            BigInteger b = n.toBigInteger();
            if (b == null) throw new BadInputException(field + ": " + n.text() + " is not an integer");
            return inRange(b, n.text(), field);
        }
        if (v instanceof JsonString s) return parse(s.value(), field);
        throw new BadInputException(field + ": expected an integer or a hex string such as \"0x1f\", found " + JsonValue.kindOf(v));
    }

    /** Parses {@code 0x...} hexadecimal, or decimal with an optional minus sign. */
    public static long parse(String text, String field) {
        String t = text.trim();
        if (t.isEmpty()) throw new BadInputException(field + ": empty number");
        BigInteger b;
        if (t.startsWith("0x") || t.startsWith("0X")) {
            String digits = t.substring(2).replace("_", "");
            if (digits.isEmpty() || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                throw new BadInputException(field + ": '" + text + "' is not a hexadecimal number");
            b = new BigInteger(digits, 16);
        } else {
            if (!t.matches("-?[0-9]+"))
                throw new BadInputException(field + ": '" + text + "' is not a number (use decimal or 0x-prefixed hexadecimal)");
            b = new BigInteger(t);
        }
        return inRange(b, text, field);
    }

    private static long inRange(BigInteger b, String text, String field) {
        if (b.compareTo(MIN) < 0 || b.compareTo(MAX) > 0)
            throw new BadInputException(field + ": " + text + " does not fit in 64 bits");
        return b.longValue();
    }
}
