package dev.tk86.kernel.check;

import java.util.Collection;

/** "did you mean" hints: the closest candidate within a small edit distance. */
final class Suggest {
    private Suggest() {}

    /** {@code " (did you mean 'x'?)"} or "". */
    static String hint(String name, Collection<String> candidates) {
        int limit = name.length() <= 3 ? 1 : 2;
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

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
