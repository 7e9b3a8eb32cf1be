package dev.tk86.kernel.runtime;

import java.util.Arrays;

/**
 * An open-addressing map from page number to a count, without boxing: the shadow memory's
 * quick "could this page hold freed bytes?" test, done on every TKL access once anything
 * has been freed.
 */
final class PageCounts {
    private long[] keys = new long[64];
    private int[] counts = new int[64];
    private boolean[] used = new boolean[64];
    private int size;

    boolean contains(long page) {
        int mask = keys.length - 1;
        for (int i = hash(page) & mask; used[i]; i = (i + 1) & mask) {
            if (keys[i] == page) return counts[i] > 0;
        }
        return false;
    }

    void add(long page, int delta) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        int i = hash(page) & mask;
        for (; used[i]; i = (i + 1) & mask) {
            if (keys[i] == page) { counts[i] += delta; return; }
        }
        used[i] = true;
        keys[i] = page;
        counts[i] = delta;
        size++;
    }

    private static int hash(long k) {
        long h = k * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] k = keys;
        int[] c = counts;
        boolean[] u = used;
        int n = k.length * 2;
        keys = new long[n];
        counts = new int[n];
        used = new boolean[n];
        size = 0;
        for (int i = 0; i < k.length; i++) if (u[i] && c[i] > 0) add(k[i], c[i]);
    }

    void clear() {
        Arrays.fill(used, false);
        size = 0;
    }
}
