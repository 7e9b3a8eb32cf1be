package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.tools.inspect.InspectException;
import dev.tk86.tools.inspect.expr.ExprParser;

/**
 * A breakpoint condition as users write it: {@code EXPR}, true when not zero, or
 * {@code EXPR OP EXPR} with OP one of == != < <= > >= (unsigned, as addresses compare). Each
 * side is a number, register, symbol or TKL expression, evaluated on the CPU that reached the
 * breakpoint.
 */
public final class ExprCondition implements Condition {

    private final String text;
    private final Locations locations;
    private final String left, op, right;

    private ExprCondition(String text, Locations locations, String left, String op, String right) {
        this.text = text;
        this.locations = locations;
        this.left = left;
        this.op = op;
        this.right = right;
    }

    /**
     * Parses the condition, so a malformed one is refused at once; it is evaluated only when a
     * CPU reaches the breakpoint (now it may not be evaluable: a CPU without its cpu_info yet).
     */
    public static ExprCondition parse(String text, Locations locations, Cpu cpu) {
        String t = text.strip();
        int at = comparison(t);
        ExprCondition c;
        if (at < 0) {
            c = new ExprCondition(t, locations, t, "!=", "0");
        } else {
            int len = at + 1 < t.length() && t.charAt(at + 1) == '=' ? 2 : 1;
            c = new ExprCondition(t, locations, t.substring(0, at).strip(), t.substring(at, at + len), t.substring(at + len).strip());
            if (c.left.isEmpty() || c.right.isEmpty()) throw new DebugException("condition: '" + t + "' needs an expression on both sides of " + c.op);
        }
        syntax(c.left);
        syntax(c.right);
        return c;
    }

    /** Where the first comparison operator starts, or -1 ("->" is a TKL operator, not a comparison). */
    private static int comparison(String t) {
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            boolean next = i + 1 < t.length() && t.charAt(i + 1) == '=';
            if ((ch == '=' || ch == '!') && next) return i;
            if (ch == '<') return i;
            if (ch == '>' && (i == 0 || t.charAt(i - 1) != '-')) return i;
        }
        return -1;
    }

    private static void syntax(String side) {
        if (Locations.parseNumber(side) != null) return;
        try {
            ExprParser.parse(side);
        } catch (InspectException e) {
            throw new DebugException("condition: " + e.getMessage());
        }
    }

    @Override
    public boolean holds(Cpu cpu) {
        long a = locations.number(left, cpu), b = locations.number(right, cpu);
        int cmp = Long.compareUnsigned(a, b);
        return switch (op) {
            case "==" -> a == b;
            case "!=" -> a != b;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            case ">" -> cmp > 0;
            default -> cmp >= 0;
        };
    }

    @Override public String text() { return text; }
}
