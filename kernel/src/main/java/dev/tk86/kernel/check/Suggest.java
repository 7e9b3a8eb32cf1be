package dev.tk86.kernel.check;

import java.util.Collection;

/** "did you mean" hints: the closest candidate within a small edit distance. */
final class Suggest {
    private Suggest() {}

    /** {@code " (did you mean 'x'?)"} or "". */
    static String hint(String name, Collection<String> candidates) {
        int limit = name.length() <= 2 ? 0 : name.length() <= 5 ? 1 : 2;
        String best = null;
        int bestD = limit + 1;
        for (String c : candidates) {
            if (c.equals(name)) continue;
            int d = distance(name, c);
            if (d < bestD || d == bestD && best != null && c.compareTo(best) < 0) {
                best = c;
                bestD = d;
            }
        }
        return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    /** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) d[i][0] = i;
        for (int j = 0; j <= b.length(); j++) d[0][j] = j;
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
