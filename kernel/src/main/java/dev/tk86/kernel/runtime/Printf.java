package dev.tk86.kernel.runtime;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.kernel.lower.PrintFormat;
import dev.tk86.kernel.typed.FormatSpec;
import dev.tk86.kernel.types.Type;

/**
 * The kernel printf, formatted on the host: {@code %[-][0][width]c} with d u x p s c. Integer
 * arguments narrower than 32 bits are promoted as C does (so a u8 of 200 prints 200 with %d),
 * 32-bit ones are read at 32 bits (a u32 of 0xffffffff prints -1 with %d) and 64-bit ones in
 * full (TKL needs no length modifiers). %p prints 0x and lower-case hex; %s reads a
 * NUL-terminated string from emulated memory through the MMU (at most {@value #MAX_STRING}
 * bytes; "(null)" for a null pointer).
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
                case 'd' -> body = Long.toString(signed(t, v));
                case 'u' -> body = Long.toUnsignedString(unsigned(t, v));
                case 'x' -> body = Long.toHexString(unsigned(t, v));
                case 'p' -> body = "0x" + Long.toHexString(v);
                case 'c' -> { body = String.valueOf((char) (v & 0xFF)); numeric = false; }
                default -> { body = v == 0 ? "(null)" : string(rt, cpu, v); numeric = false; }
            }
            pad(out, body, c, numeric);
        }
        return out.toString();
    }

    private static int width(Type t) { return t instanceof Type.Int i ? Math.max(32, i.bits()) : 64; }

    private static long signed(Type t, long v) { return width(t) == 32 ? (int) v : v; }

    private static long unsigned(Type t, long v) { return width(t) == 32 ? v & 0xFFFF_FFFFL : v; }

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
