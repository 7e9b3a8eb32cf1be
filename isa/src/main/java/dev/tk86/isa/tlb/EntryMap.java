package dev.tk86.isa.tlb;

import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Page number -> TLB entry, open addressing with linear probing: no boxing and no allocation per
 * lookup, which matters because every TLB miss (and so every access after a CR3 load) probes
 * it up to three times. Keys are linear addresses shifted right by 12 or more, so they are never
 * negative and -1 can mark an empty slot.
 */
final class EntryMap {
    private static final long EMPTY = -1;
    private long[] keys = new long[64];
    private TlbEntry[] values = new TlbEntry[64];
    private int size;

    EntryMap() { Arrays.fill(keys, EMPTY); }

    int size() { return size; }

    private int slot(long key) {
        long h = key * 0x9E37_79B9_7F4A_7C15L;
        return (int) (h >>> 40) & (keys.length - 1);
    }

    TlbEntry get(long key) {
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            long k = keys[i];
            if (k == key) return values[i];
            if (k == EMPTY) return null;
        }
    }

    void put(long key, TlbEntry value) {
        if ((size + 1) * 2 > keys.length) grow();
        int mask = keys.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            if (keys[i] == key) { values[i] = value; return; }
            if (keys[i] == EMPTY) { keys[i] = key; values[i] = value; size++; return; }
        }
    }

    void remove(long key) {
        int mask = keys.length - 1;
        int i = slot(key);
        while (keys[i] != key) {
            if (keys[i] == EMPTY) return;
            i = (i + 1) & mask;
        }
        // Backward-shift deletion keeps every probe chain unbroken without tombstones.
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean movable = i <= j ? (home <= i || home > j) : (home <= i && home > j);
            if (movable) {
                keys[i] = keys[j];
                values[i] = values[j];
                i = j;
            }
        }
        keys[i] = EMPTY;
        values[i] = null;
        size--;
    }

    void clear() {
        Arrays.fill(keys, EMPTY);
        Arrays.fill(values, null);
        size = 0;
    }

    void forEach(Consumer<TlbEntry> action) {
        for (int i = 0; i < keys.length; i++) if (keys[i] != EMPTY) action.accept(values[i]);
    }

    void removeIf(Predicate<TlbEntry> dead) {
        long[] oldKeys = keys;
        TlbEntry[] oldValues = values;
        keys = new long[oldKeys.length];
        values = new TlbEntry[oldKeys.length];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++)
            if (oldKeys[i] != EMPTY && !dead.test(oldValues[i])) put(oldKeys[i], oldValues[i]);
    }

    private void grow() {
        long[] oldKeys = keys;
        TlbEntry[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new TlbEntry[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) if (oldKeys[i] != EMPTY) put(oldKeys[i], oldValues[i]);
    }
}
