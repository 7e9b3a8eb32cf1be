package dev.tk86.isa.decode;

import java.util.SplittableRandom;

/**
 * Random instruction bytes for the differential test, from a fixed seed. Half are fully random
 * 15-byte sequences (mostly outside the subset: they test that rejections are clean); half are
 * "structured": a random mix of legacy prefixes and REX (sometimes in the order that makes the
 * REX ignored) in front of an opcode of the subset, followed by random ModRM, SIB,
 * displacement and immediate bytes, so that most of them land in the subset.
 */
final class RandomInstructions {
    static final int LENGTH = Cursor.MAX_LENGTH;

    private static final int[] LEGACY = {0x66, 0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x2E, 0x3E, 0x26, 0x36, 0x64, 0x65};

    /** One-byte opcodes with at least one form in the subset. */
    private static final int[] ONE_BYTE = opcodes(
            "00-05 08-0d 10-15 18-1d 20-25 28-2d 30-35 38-3d 50-5f 63 68-6b 70-7f 80 81 83-8f 90-99 9c 9d a0-a5 a8-ab "
            + "b0-bf c0-c3 c6 c7 cc cd cf d0-d3 e4-e9 eb-ef f4 f6 f7 fa fb fe ff");
    /** 0F opcodes with at least one form in the subset. */
    private static final int[] TWO_BYTE = opcodes("01 0b 1e 1f 20 22 30-32 40-4f 80-9f a2 a3 ab ae af b0 b1 b3 b6 b7 ba bb be bf c0 c1");

    private final SplittableRandom random;

    RandomInstructions(long seed) { random = new SplittableRandom(seed); }

    /** Fills {@code b} (at least 15 bytes) with the next case; even calls are structured. */
    void next(byte[] b, boolean structured) {
        for (int i = 0; i < LENGTH; i++) b[i] = (byte) random.nextInt(256);
        if (!structured) return;
        int p = 0;
        int legacy = weightedCount();
        for (int i = 0; i < legacy; i++) b[p++] = (byte) LEGACY[random.nextInt(LEGACY.length)];
        if (random.nextInt(8) == 0) { // REX in front of a legacy prefix: ignored
            b[p++] = (byte) (0x40 | random.nextInt(16));
            b[p++] = (byte) LEGACY[random.nextInt(LEGACY.length)];
        }
        if (random.nextBoolean()) b[p++] = (byte) (0x40 | random.nextInt(16));
        int kind = random.nextInt(10);
        if (kind < 6) {
            b[p++] = (byte) ONE_BYTE[random.nextInt(ONE_BYTE.length)];
        } else if (kind < 9) {
            b[p++] = 0x0F;
            b[p++] = (byte) TWO_BYTE[random.nextInt(TWO_BYTE.length)];
        } else {
            b[p++] = 0x0F; // anything in the 0F map
        }
    }

    /** A random address: low, high canonical, or near the 64-bit wrap-around. */
    long address() {
        return switch (random.nextInt(4)) {
            case 0 -> 0x1000;
            case 1 -> 0xffffffff80000000L + random.nextInt(1 << 20);
            case 2 -> random.nextLong() & 0x7fffffffffffL;
            default -> -random.nextInt(64);
        };
    }

    /** 0 to 4 legacy prefixes, mostly 0 or 1. */
    private int weightedCount() {
        int r = random.nextInt(16);
        return r < 7 ? 0 : r < 12 ? 1 : r < 14 ? 2 : r < 15 ? 3 : 4;
    }

    private static int[] opcodes(String ranges) {
        java.util.List<Integer> list = new java.util.ArrayList<>();
        for (String r : ranges.split(" ")) {
            String[] ab = r.split("-");
            int a = Integer.parseInt(ab[0], 16), z = ab.length > 1 ? Integer.parseInt(ab[1], 16) : a;
            for (int op = a; op <= z; op++) list.add(op);
        }
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}
