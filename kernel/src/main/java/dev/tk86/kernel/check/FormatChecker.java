package dev.tk86.kernel.check;

import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.Pos;
import dev.tk86.kernel.typed.FormatSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses printf/panic format strings at compile time: {@code %[-][0][width]c} with c in
 * d u x p s c, and {@code %%}. C length modifiers (l, ll, z, h) are rejected with a hint,
 * because TKL arguments carry their own width.
 */
final class FormatChecker {
    private FormatChecker() {}

    /** The pieces, or null after reporting (at the literal's position) what is wrong. */
    static List<FormatSpec> parse(byte[] fmt, Pos pos, String who, Diagnostics diags) {
        List<FormatSpec> out = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int arg = 0;
        for (int i = 0; i < fmt.length; i++) {
            char ch = (char) (fmt[i] & 0xff);
            if (ch != '%') {
                text.append(ch);
                continue;
            }
            int start = i;
            if (++i >= fmt.length) {
                diags.error(pos, who + " format ends with a lone '%' (write %% for a percent sign)");
                return null;
            }
            if (fmt[i] == '%') {
                text.append('%');
                continue;
            }
            boolean left = false;
            boolean zero = false;
            while (i < fmt.length && (fmt[i] == '-' || fmt[i] == '0')) {
                if (fmt[i] == '-') left = true; else zero = true;
                i++;
            }
            int width = 0;
            while (i < fmt.length && fmt[i] >= '0' && fmt[i] <= '9') {
                width = width * 10 + (fmt[i] - '0');
                if (width > 64) {
                    diags.error(pos, who + " format: field width too large in conversion " + spec(fmt, start, i));
                    return null;
                }
                i++;
            }
            if (i >= fmt.length) {
                diags.error(pos, who + " format ends inside conversion " + spec(fmt, start, i - 1));
                return null;
            }
            char conv = (char) (fmt[i] & 0xff);
            if (conv == 'l' || conv == 'h' || conv == 'z' || conv == 'j' || conv == 'q') {
                diags.error(pos, who + " format: length modifier '" + conv + "' in " + spec(fmt, start, i)
                        + " is not needed: arguments carry their width (write %" + (zero ? "0" : "")
                        + (width > 0 ? String.valueOf(width) : "") + "d/u/x)");
                return null;
            }
            if ("duxpsc".indexOf(conv) < 0) {
                diags.error(pos, who + " format: unknown conversion " + spec(fmt, start, i) + " (known: %d %u %x %p %s %c %%)");
                return null;
            }
            if (text.length() > 0) {
                out.add(new FormatSpec.Text(text.toString()));
                text.setLength(0);
            }
            out.add(new FormatSpec.Conv(conv, left, zero, width, arg++));
        }
        if (text.length() > 0) out.add(new FormatSpec.Text(text.toString()));
        return out;
    }

    private static String spec(byte[] fmt, int from, int to) {
        StringBuilder sb = new StringBuilder("'");
        for (int k = from; k <= to && k < fmt.length; k++) sb.append((char) (fmt[k] & 0xff));
        return sb.append('\'').toString();
    }

    static int conversions(List<FormatSpec> pieces) {
        int n = 0;
        for (FormatSpec p : pieces) if (p instanceof FormatSpec.Conv) n++;
        return n;
    }
}
