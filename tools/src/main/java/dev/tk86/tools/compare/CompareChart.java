package dev.tk86.tools.compare;

import java.util.List;
import java.util.Locale;

/**
 * The comparison as an SVG chart: one horizontal bar per counter with a ratio, its length
 * B/A on a log scale around 1 (left: B does less, right: B does more), a whisker from the
 * smallest to the largest per-seed ratio, and the means printed beside it.
 */
public final class CompareChart {
    private static final int ROW = 22, LABEL = 230, PLOT = 420, VALUES = 260, TOP = 56;
    /** The plot spans ratios 1/8 .. 8. */
    private static final double LOG_SPAN = Math.log(8);

    private CompareChart() { }

    public static String svg(Comparison.Result r) {
        List<CounterStats> rows = r.counters().stream().filter(CounterStats::hasRatio).toList();
        int width = LABEL + PLOT + VALUES, height = TOP + rows.size() * ROW + 30;
        double mid = LABEL + PLOT / 2.0;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
                width, height));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">%s (B) vs %s (A): B/A per counter</text>%n",
                esc(r.labelB()), esc(r.labelA())));
        s.append(String.format(Locale.ROOT, "<text x=\"10\" y=\"38\" fill=\"#555\">workload %s, %d CPUs, %d seeds; bar = ratio of means (log scale, 1/8..8), whisker = per-seed min..max</text>%n",
                esc(r.workload()), r.cpus(), r.seeds()));
        s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#333\"/>%n", mid, TOP - 6, mid, height - 24));
        for (double tick : new double[] {0.125, 0.25, 0.5, 2, 4, 8}) {
            double x = x(tick, mid);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>%n", x, TOP - 6, x, height - 24));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">%s</text>%n", x, height - 10,
                    tick < 1 ? "1/" + (int) Math.round(1 / tick) : String.valueOf((int) tick)));
        }
        int y = TOP;
        for (CounterStats c : rows) {
            double x = x(c.ratio(), mid);
            String color = Math.abs(c.ratio() - 1) < 0.005 ? "#999" : c.ratio() < 1 ? "#2a7" : "#c44";
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>%n", LABEL - 8, y + 14, esc(c.name())));
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"12\" fill=\"%s\"/>%n", Math.min(x, mid), y + 4,
                    Math.max(1, Math.abs(x - mid)), color));
            double lo = x(c.minRatio(), mid), hi = x(c.maxRatio(), mid);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"black\"/>%n", lo, y + 10, hi, y + 10));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%.3f  (%.4g vs %.4g)</text>%n", LABEL + PLOT + 8, y + 14, c.ratio(),
                    c.meanB(), c.meanA()));
            y += ROW;
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double x(double ratio, double mid) {
        double l = Math.max(-LOG_SPAN, Math.min(LOG_SPAN, Math.log(ratio)));
        return mid + l / LOG_SPAN * (PLOT / 2.0 - 4);
    }

    private static String esc(String t) {
        return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
