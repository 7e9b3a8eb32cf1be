package dev.tk86.loader.validate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tk86.loader.ImageException;
import dev.tk86.loader.boot.BootLoader;
import dev.tk86.loader.support.Boots;
import dev.tk86.loader.support.ElfBytes;
import dev.tk86.loader.support.TestKernels;
import dev.tk86.loader.support.TklStub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Beyond the named corpus: seeded random corruptions of the headers, tables and symbol
 * entries of valid images (and random truncations) must each either boot or be refused with
 * one ImageException of one line. No other exception may escape the loader, whatever the bytes.
 */
class RandomCorruptionTest {
    private static final int CASES = 4000;
    private static final long[] INTERESTING = {0, 1, 2, 3, 7, 8, 0x18, 0x38, 0x40, 0xFF, 0x1000, 0xFFFF,
            0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, Long.MAX_VALUE, Long.MIN_VALUE, -1, -0x1000};

    @Test
    void randomCorruptionsBootOrAreRefusedCleanly() {
        SplittableRandom rnd = new SplittableRandom(0x7486);
        byte[][] bases = {TestKernels.bytes(TestKernels.hello()), TestKernels.bytes(TestKernels.withTkl())};
        int refused = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] base = bases[rnd.nextInt(bases.length)];
            ElfBytes layout = new ElfBytes(base), e = new ElfBytes(base);
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) corrupt(e, layout, rnd);
            try {
                BootLoader.boot(e.bytes(), Boots.config(2), "", new TklStub());
            } catch (ImageException x) {
                refused++;
                assertFalse(x.getMessage().contains("\n"), x.getMessage());
                assertFalse(x.getMessage().isBlank());
            } catch (Throwable t) {
                StringWriter s = new StringWriter();
                t.printStackTrace(new PrintWriter(s));
                fail("case " + i + ": the loader threw " + s);
            }
        }
        assertTrue(refused > CASES / 2, "most corruptions are refused (" + refused + " of " + CASES + ")");
    }

    /**
     * One edit: a field of the ELF header, a program header, a section header or a symbol (at
     * offsets of the unedited {@code layout}), any byte, or a truncation.
     */
    private static void corrupt(ElfBytes e, ElfBytes layout, SplittableRandom rnd) {
        if (e.size() < 64) return;
        long value = rnd.nextBoolean() ? INTERESTING[rnd.nextInt(INTERESTING.length)] : rnd.nextLong();
        int width = 1 << rnd.nextInt(4);
        long at;
        switch (rnd.nextInt(6)) {
            case 0 -> at = rnd.nextInt(64);
            case 1 -> at = layout.ph(rnd.nextInt(3)) + rnd.nextInt(56);
            case 2 -> at = layout.sh(rnd.nextInt(layout.shnum())) + rnd.nextInt(64);
            case 3 -> at = layout.sym(rnd.nextInt(12)) + rnd.nextInt(24);
            case 4 -> { e.truncate(rnd.nextInt(e.size())); return; }
            default -> at = rnd.nextInt(e.size());
        }
        if (at + width > e.size()) return; // an earlier truncation removed it
        switch (width) {
            case 1 -> e.put8(at, (int) value);
            case 2 -> e.put16(at, value);
            case 4 -> e.put32(at, value);
            default -> e.put64(at, value);
        }
    }
}
