package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.lower.PrintFormat;
import dev.tk86.kernel.typed.FormatSpec;
import dev.tk86.kernel.types.Type;

/**
 * The kernel printf, formatted on the host (docs/tkl.md, "Intrinsics"):
 * {@code %[-][0][width]c} with d u x p s c. Arguments carry their own width, so there are no
 * C promotions and no length modifiers: %d prints the value (signed types as signed, unsigned
 * ones as unsigned), %u and %x the bits of the argument's own width as an unsigned number
 * (an i8 of -1 is 255 and ff), %p {@code 0x} and 16 hex digits, %c one byte, %s a
 * NUL-terminated string read from emulated memory through the MMU (at most
 * {@value #MAX_STRING} bytes; "(null)" for a null pointer).
 */
public final class Printf {
    static final int MAX_STRING = 65536;

    private Printf() {}

    public static String format(TklRuntime rt, Cpu cpu, PrintFormat f, long[] args) {
        StringBuilder out = new StringBuilder();
        for (FormatSpec p : f.pieces()) {
            if (p instanceof FormatSpec.Text t) {
                out.append(t.text());
                continue;
            }
            FormatSpec.Conv c = (FormatSpec.Conv) p;
            long v = args[c.argIndex()];
            Type t = f.argTypes().get(c.argIndex());
            String body;
            boolean numeric = true;
            switch (c.conversion()) {
                case 'd' -> body = isSigned(t) ? Long.toString(v) : Long.toUnsignedString(v);
                case 'u' -> body = Long.toUnsignedString(bits(t, v));
                case 'x' -> body = Long.toHexString(bits(t, v));
                case 'p' -> body = String.format("0x%016x", v);
                case 'c' -> { body = String.valueOf((char) (v & 0xFF)); numeric = false; }
                default -> { body = v == 0 ? "(null)" : string(rt, cpu, v); numeric = false; }
            }
            pad(out, body, c, numeric);
        }
        return out.toString();
    }

    private static boolean isSigned(Type t) { return t instanceof Type.Int i && i.signed(); }

    /** The argument's bits at its own width, zero-extended. */
    private static long bits(Type t, long v) {
        int w = t instanceof Type.Int i ? i.bits() : 64;
        return w == 64 ? v : v & ((1L << w) - 1);
    }

    private static void pad(StringBuilder out, String body, FormatSpec.Conv c, boolean numeric) {
        int fill = c.width() - body.length();
        if (fill <= 0) { out.append(body); return; }
        if (c.leftAlign()) {
            out.append(body).append(" ".repeat(fill));
        } else if (c.zeroPad() && numeric) {
            int signLen = body.startsWith("-") ? 1 : body.startsWith("0x") ? 2 : 0;
            out.append(body, 0, signLen).append("0".repeat(fill)).append(body, signLen, body.length());
        } else {
            out.append(" ".repeat(fill)).append(body);
        }
    }

    /** A NUL-terminated string at {@code va}, each byte one char (ISO-8859-1). */
    static String string(TklRuntime rt, Cpu cpu, long va) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < MAX_STRING; i++) {
            int b = (int) Mem.ld8(rt, cpu, va + i);
            if (b == 0) return s.toString();
            s.append((char) b);
        }
        return s.append("...").toString();
    }
}
