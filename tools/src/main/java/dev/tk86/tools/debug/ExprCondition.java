package dev.tk86.tools.debug;

import dev.tk86.isa.cpu.Cpu;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A breakpoint condition as users write it: {@code EXPR}, true when not zero, or
 * {@code EXPR OP EXPR} with OP one of == != < <= > >= (unsigned, as addresses compare). Each
 * side is a number, register, symbol or TKL expression, evaluated on the CPU that reached the
 * breakpoint.
 */
public final class ExprCondition implements Condition {
    private static final Pattern COMPARE = Pattern.compile("(.+?)\\s*(==|!=|<=|>=|<|>)\\s*(.+)");

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

    /** Parses and tries the condition once on {@code cpu}, so a malformed one is refused at once. */
    public static ExprCondition parse(String text, Locations locations, Cpu cpu) {
        Matcher m = COMPARE.matcher(text.strip());
        // "->" is a TKL operator, not a comparison
        ExprCondition c = m.matches() && !m.group(1).endsWith("-")
                ? new ExprCondition(text.strip(), locations, m.group(1), m.group(2), m.group(3))
                : new ExprCondition(text.strip(), locations, text.strip(), "!=", "0");
        c.holds(cpu);
        return c;
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
