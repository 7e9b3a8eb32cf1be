package dev.tk86.isa.tlb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The TLB's page-number map behaves like a map under any mix of puts and removals. */
class EntryMapTest {
    @Test
    void agreesWithAHashMapUnderRandomPutsRemovalsAndCollisions() {
        EntryMap map = new EntryMap();
        Map<Long, TlbEntry> model = new HashMap<>();
        SplittableRandom r = new SplittableRandom(86);
        for (int i = 0; i < 200_000; i++) {
            long key = r.nextInt(300); // a small key space forces long probe chains and wrap-around
            if (r.nextInt(3) == 0) {
                map.remove(key);
                model.remove(key);
            } else {
                TlbEntry e = new TlbEntry(key << 12, i, 12, true, false, false, false, false, 0, 0);
                map.put(key, e);
                model.put(key, e);
            }
            long probe = r.nextInt(300);
            assertEquals(model.get(probe), map.get(probe), "key " + probe + " after step " + i);
        }
        assertEquals(model.size(), map.size());
    }
}
