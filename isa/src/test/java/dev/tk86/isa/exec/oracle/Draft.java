package dev.tk86.isa.exec.oracle;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A case under construction: a random machine state and an instruction encoded field by
 * field (legacy prefixes, REX, opcode, ModRM, SIB, displacement, immediate) from the SDM's
 * encoding rules (Vol. 2A, chapter 2), independently of tk86's decoder. Memory operands are
 * aimed at the data window: the base register gets whatever value makes the effective
 * address land there, for every addressing form (base, base+disp8/32, SIB with index and
 * scale, no-base SIB, absolute disp32, RIP-relative, with or without a 67 prefix and a GS
 * override).
 */
final class Draft {
    static final int RSP = 4, RBP = 5, RSI = 6, RDI = 7, RAX = 0, RCX = 1, RDX = 2;

    final SplittableRandom rnd;
    final long[] regs = new long[16];
    long rflags;
    final byte[] data = new byte[OracleCase.WINDOW], stack = new byte[OracleCase.WINDOW];
    private final boolean[] pinned = new boolean[16];
    String icedCode;
    int countClass = -1;

    private final List<Integer> legacy = new ArrayList<>();
    private int rexW, rexR, rexX, rexB;
    private boolean rex;
    private int[] opcode = {};
    private int modrm = -1, sib = -1;
    private long disp;
    private int dispSize;
    private boolean ripRelative;
    private long ripTarget;
    private long imm;
    private int immSize;
    /** Whether the ModRM r/m operand is memory (set by {@link #rmMem}), and the address it hits. */
    boolean rmIsMemory;
    private long memTarget;
    /** For cmpxchg: the operand size at which rAX is made equal to the destination, or 0. */
    int equalAccumulator;
    /** A quadword to put at [RSP] (popfq's image), or null. */
    Long topOfStack;
    /** ret: [RSP] holds the address right after the instruction. */
    boolean returnToNext;
    /** A register that must hold the address of the instruction's end (an indirect branch to the next one), or -1. */
    int nextInRegister = -1;

    Draft(SplittableRandom rnd) {
        this.rnd = rnd;
        for (int i = 0; i < 16; i++) regs[i] = value(8);
        regs[RSP] = OracleCase.STACK_TOP + rnd.nextInt(-16, 17);
        rflags = rnd.nextLong() & 0x8D5L; // CF PF AF ZF SF OF
        if (rnd.nextInt(5) == 0) rflags |= 0x400; // DF
        rnd.nextBytes(data);
        rnd.nextBytes(stack);
    }

    // --- values ----------------------------------------------------------------------------------

    private static final long[] EDGES = {0, 1, 2, -1, -2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL,
            0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L, Long.MAX_VALUE, Long.MIN_VALUE, 0xFF00, 0x0F, 0x10};

    /** A random value of {@code size} bytes, biased toward small numbers and edges. */
    long value(int size) {
        long v = switch (rnd.nextInt(8)) {
            case 0, 1 -> rnd.nextLong(0, 256);
            case 2 -> EDGES[rnd.nextInt(EDGES.length)];
            case 3 -> -rnd.nextLong(0, 256);
            default -> rnd.nextLong();
        };
        return size == 8 ? v : v & ((1L << (size * 8)) - 1);
    }

    int bits(int size) { return size * 8; }

    /** A register number not in {@code avoid} (may be any of the 16). */
    int reg(int... avoid) {
        while (true) {
            int r = rnd.nextInt(16);
            boolean ok = true;
            for (int a : avoid) if (a == r) ok = false;
            if (ok) return r;
        }
    }

    void pin(int r, long v) {
        regs[r] = v;
        pinned[r] = true;
    }

    boolean isPinned(int r) { return pinned[r]; }

    // --- encoding --------------------------------------------------------------------------------

    void prefix(int p) { legacy.add(p); }

    /** Operand size 2, 4 or 8 for a "v" form: 66 or REX.W as needed (66 with REX.W now and then: W wins). */
    int vsize() {
        int s = switch (rnd.nextInt(3)) { case 0 -> 2; case 1 -> 4; default -> 8; };
        sizePrefix(s);
        return s;
    }

    void sizePrefix(int s) {
        if (s == 2) prefix(0x66);
        if (s == 8) { rexW = 1; rex = true; if (rnd.nextInt(10) == 0) prefix(0x66); }
    }

    void opcode(int... bytes) { opcode = bytes; }

    void w() { rexW = 1; rex = true; }

    /** ModRM.reg = register {@code r} (REX.R for 8..15). */
    void regField(int r) {
        modrm = (modrm < 0 ? 0 : modrm & ~0x38) | ((r & 7) << 3);
        if (r > 7) { rexR = 1; rex = true; }
    }

    /** ModRM.reg = an opcode extension /digit. */
    void digit(int d) { modrm = (modrm < 0 ? 0 : modrm & ~0x38) | (d << 3); }

    /** ModRM.rm = register {@code r}, mod 11. */
    void rmReg(int r) {
        modrm = (modrm < 0 ? 0 : modrm & 0x38) | 0xC0 | (r & 7);
        if (r > 7) { rexB = 1; rex = true; }
        rmIsMemory = false;
    }

    void imm(long v, int size) { imm = v; immSize = size; }

    /** The register of an opcode-register form (50+r, B8+r, ...): REX.B for 8..15. */
    void opcodeRegister(int r) {
        if (r > 7) { rexB = 1; rex = true; }
    }

    /** A REX prefix with random W, R, X, B bits (for encodings that ignore them). */
    void rexAnyway() {
        int bits = rnd.nextInt(16);
        rexW = bits >> 3; rexR = (bits >> 2) & 1; rexX = (bits >> 1) & 1; rexB = bits & 1;
        rex = true;
    }

    /** Adds a REX prefix with no bits now and then (it changes what byte registers 4..7 mean). */
    void maybeEmptyRex() { if (rnd.nextInt(4) == 0) rex = true; }

    /** Register or memory r/m: memory half of the time. */
    void rm(int size, int... avoid) {
        if (rnd.nextBoolean()) rmReg(reg());
        else rmMem(size, avoid);
    }

    /** Memory r/m of {@code size} bytes in the data window, avoiding {@code avoid} as base or index. */
    void rmMem(int size, int... avoid) {
        long target = OracleCase.DATA_WINDOW + rnd.nextInt(OracleCase.WINDOW - Math.max(size, 1) + 1);
        rmMemAt(target, avoid);
    }

    /** Memory r/m whose effective (plus GS base) address is {@code target}. */
    void rmMemAt(long target, int... avoid) {
        rmIsMemory = true;
        memTarget = target;
        boolean addr32 = rnd.nextInt(6) == 0;
        if (addr32) prefix(0x67);
        long ea = target;
        if (rnd.nextInt(6) == 0) { prefix(0x65); ea -= OracleCase.GS_BASE; } // gs:
        if (rnd.nextInt(12) == 0) prefix(new int[] {0x26, 0x2E, 0x36, 0x3E}[rnd.nextInt(4)]); // ignored in 64-bit mode
        int reg = modrm < 0 ? 0 : modrm & 0x38;
        int mode = rnd.nextInt(10);
        if (mode == 0) { // RIP-relative: disp fixed once the length is known
            modrm = reg | 5;
            dispSize = 4;
            ripRelative = true;
            ripTarget = ea;
            return;
        }
        if (mode == 1) { // SIB, no base, no index: absolute disp32
            modrm = reg | 4;
            sib = (rnd.nextInt(4) << 6) | (4 << 3) | 5;
            disp = ea;
            dispSize = 4;
            return;
        }
        int[] avoidAll = concat(avoid, pinnedList());
        int base = reg(avoidAll);
        long dispValue;
        int mod;
        switch (rnd.nextInt(3)) {
            case 0 -> { mod = 0; dispValue = 0; }
            case 1 -> { mod = 1; dispValue = rnd.nextInt(-128, 128); }
            default -> { mod = 2; dispValue = rnd.nextInt(-100_000, 100_000); }
        }
        boolean useSib = mode >= 6 || (base & 7) == 4;
        long indexPart = 0;
        if (useSib) {
            int scaleLog = rnd.nextInt(4);
            boolean noBase = mode == 9, noIndex = !noBase && rnd.nextInt(4) == 0;
            int index = 4; // 100 without REX.X: no index
            if (!noIndex) {
                index = reg(concat(avoidAll, new int[] {base, RSP}));
                long iv = noBase || rnd.nextBoolean() ? rnd.nextLong(-64, 64) : rnd.nextLong();
                pin(index, iv);
                indexPart = iv << scaleLog;
                if (index > 7) { rexX = 1; rex = true; }
            }
            if (noBase) { // mod 00, SIB base 101: [index * scale + disp32], whatever REX.B says
                modrm = reg | 4;
                sib = (scaleLog << 6) | ((index & 7) << 3) | 5;
                if (rnd.nextBoolean()) { rexB = 1; rex = true; }
                dispSize = 4;
                disp = ea - indexPart;
                return;
            }
            if (mod == 0 && (base & 7) == 5) { mod = 1; dispValue = 0; }
            modrm = reg | (mod << 6) | 4;
            sib = (scaleLog << 6) | ((index & 7) << 3) | (base & 7);
        } else {
            if (mod == 0 && (base & 7) == 5) { mod = 1; dispValue = 0; }
            modrm = reg | (mod << 6) | (base & 7);
        }
        if (base > 7) { rexB = 1; rex = true; }
        disp = dispValue;
        dispSize = mod == 1 ? 1 : mod == 2 ? 4 : 0;
        long bv = ea - dispValue - indexPart;
        if (addr32) bv = (bv & 0xFFFF_FFFFL) | (rnd.nextLong() << 32);
        pin(base, bv);
    }

    private long readData(long address, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = (v << 8) | (data[(int) (address + i - OracleCase.DATA_WINDOW)] & 0xFF);
        return v;
    }

    /** The value of the ModRM.rm register operand (a high byte register without REX for 4..7 at size 1). */
    private long registerOperand(int size) {
        int r = (modrm & 7) | rexB << 3;
        if (size == 1 && !rex && r >= 4 && r <= 7) return regs[r - 4] >>> 8;
        return regs[r];
    }

    private void writeStack(long address, long v) {
        for (int i = 0; i < 8; i++) stack[(int) (address + i - OracleCase.STACK_WINDOW)] = (byte) (v >>> (8 * i));
    }

    private int[] pinnedList() {
        int n = 0;
        for (boolean p : pinned) if (p) n++;
        int[] out = new int[n];
        for (int i = 0, k = 0; i < 16; i++) if (pinned[i]) out[k++] = i;
        return out;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    byte[] bytes() {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        java.util.Collections.shuffle(legacy, new java.util.Random(rnd.nextLong()));
        for (int p : legacy) o.write(p);
        if (rex) o.write(0x40 | rexW << 3 | rexR << 2 | rexX << 1 | rexB);
        for (int b : opcode) o.write(b);
        if (modrm >= 0) o.write(modrm);
        if (sib >= 0) o.write(sib);
        int dispAt = o.size();
        for (int i = 0; i < dispSize; i++) o.write((int) (disp >>> (8 * i)));
        for (int i = 0; i < immSize; i++) o.write((int) (imm >>> (8 * i)));
        byte[] b = o.toByteArray();
        if (ripRelative) {
            long d = ripTarget - (OracleCase.CODE_VA + b.length);
            for (int i = 0; i < 4; i++) b[dispAt + i] = (byte) (d >>> (8 * i));
        }
        return b;
    }

    OracleCase build() {
        byte[] code = bytes();
        if (code.length > 15) return null;
        if (equalAccumulator > 0) {
            long mask = equalAccumulator == 8 ? -1L : (1L << (equalAccumulator * 8)) - 1;
            long dest = rmIsMemory ? readData(memTarget, equalAccumulator) : registerOperand(equalAccumulator);
            regs[RAX] = (regs[RAX] & ~mask) | (dest & mask);
        }
        if (topOfStack != null) writeStack(regs[RSP], topOfStack);
        if (returnToNext) writeStack(regs[RSP], OracleCase.CODE_VA + code.length);
        if (nextInRegister >= 0) regs[nextInRegister] = OracleCase.CODE_VA + code.length;
        return new OracleCase(code, regs.clone(), rflags, data.clone(), stack.clone(), icedCode, countClass);
    }
}
