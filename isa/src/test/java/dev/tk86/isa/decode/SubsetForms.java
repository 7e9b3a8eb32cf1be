package dev.tk86.isa.decode;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The enumerated corpus: every opcode form of the subset (docs/architecture.md, "The subset") expanded
 * over its operand sizes, its register forms and the ModRM/SIB addressing modes.
 *
 * <p>A form is written like the SDM's opcode column: hex bytes (legacy prefixes, then the
 * opcode), then
 * <ul>
 * <li>{@code +r} register in the low opcode bits, {@code +cc} all sixteen conditions;</li>
 * <li>{@code /r} ModRM with any reg, {@code /0}..{@code /7} a fixed reg field, {@code /s} a
 *     segment register, {@code /c} a control register (0, 2, 3, 4); {@code m} memory forms
 *     only, {@code R} register forms only;</li>
 * <li>immediates {@code ib iw iz iv}, branch displacements {@code rel8 rel32}, {@code mo} a moffs;</li>
 * <li>the size class: {@code b} byte, {@code v} 16/32/64 (66, none, REX.W), {@code d}
 *     16/64 (66, none; push/pop), {@code p} 8/16/32 port sizes (66, none), {@code n} exactly as
 *     written.</li>
 * </ul>
 */
final class SubsetForms {
    private SubsetForms() { }

    static final List<String> SPECS = specs();

    private static List<String> specs() {
        List<String> s = new ArrayList<>();
        for (int row = 0; row < 8; row++) {
            String op = hex(row * 8);
            s.add(op + " /r b");
            s.add(hex(row * 8 + 1) + " /r v");
            s.add(hex(row * 8 + 2) + " /r b");
            s.add(hex(row * 8 + 3) + " /r v");
            s.add(hex(row * 8 + 4) + " ib n");
            s.add(hex(row * 8 + 5) + " iz v");
            s.add("80 /" + row + " ib b");
            s.add("81 /" + row + " iz v");
            s.add("83 /" + row + " ib v");
        }
        s.addAll(List.of(
                "50 +r d", "58 +r d", "63 /r v", "68 iz d", "6a ib d", "69 /r iz v", "6b /r ib v",
                "70 +cc rel8 n", "84 /r b", "85 /r v", "86 /r b", "87 /r v",
                "88 /r b", "89 /r v", "8a /r b", "8b /r v", "8c /s v", "8e /s v", "8d /r m v", "8f /0 d",
                "90 n", "66 90 n", "48 90 n", "f3 90 n", "90 +r v", "41 90 n", "66 41 90 n", "49 90 n",
                "98 v", "99 v", "9c d", "9d d",
                "a0 mo n", "a1 mo v", "a2 mo n", "a3 mo v", "67 a0 mo n", "67 a1 mo v", "67 a2 mo n", "67 a3 mo v",
                "a4 n", "a5 v", "aa n", "ab v", "f3 a4 n", "f3 a5 v", "f3 aa n", "f3 ab v", "f2 a4 n", "f2 ab v",
                "67 a4 n", "67 a5 v", "67 aa n", "67 ab v", "64 a4 n", "65 a5 v", "f3 65 a4 n",
                "a8 ib n", "a9 iz v", "b0 +r ib b", "b8 +r iv v",
                "c2 iw n", "c3 n", "c6 /0 ib b", "c7 /0 iz v", "cc n", "cd ib n", "48 cf n",
                "e4 ib n", "e5 ib p", "e6 ib n", "e7 ib p", "ec n", "ed p", "ee n", "ef p",
                "e8 rel32 n", "e9 rel32 n", "eb rel8 n", "f4 n", "fa n", "fb n",
                "f6 /0 ib b", "f6 /1 ib b", "f7 /0 iz v", "f7 /1 iz v",
                "fe /0 b", "fe /1 b", "ff /0 v", "ff /1 v", "ff /2 n", "ff /4 n", "ff /6 d", "41 ff /2 n", "41 ff /4 n",
                "0f 01 /2 m n", "0f 01 /3 m n", "0f 01 /7 m n", "0f 01 f8 n", "0f 0b n", "f3 0f 1e fa n",
                "0f 20 /c n", "0f 22 /c n", "0f 30 n", "0f 31 n", "0f 32 n", "0f a2 n",
                "0f 40 +cc /r v", "0f 80 +cc rel32 n", "0f 90 +cc /r b",
                "0f a3 /r v", "0f ab /r v", "0f b3 /r v", "0f bb /r v", "0f af /r v",
                "0f b0 /r b", "0f b1 /r v", "0f c0 /r b", "0f c1 /r v",
                "0f b6 /r v", "0f b7 /r v", "0f be /r v", "0f bf /r v",
                "0f ae e8 n", "0f ae f0 n", "0f ae f8 n", "0f ae e9 n", "0f ae f3 n", "0f ae ff n", "0f 1f /r R v",
                "2e f3 0f 1e fa n",
                // lock on every read-modify-write instruction with a memory destination
                "f0 00 /r m b", "f0 01 /r m v", "f0 08 /r m b", "f0 09 /r m v", "f0 10 /r m b", "f0 11 /r m v",
                "f0 18 /r m b", "f0 19 /r m v", "f0 20 /r m b", "f0 21 /r m v", "f0 28 /r m b", "f0 29 /r m v",
                "f0 30 /r m b", "f0 31 /r m v", "f0 80 /0 m ib b", "f0 81 /5 m iz v", "f0 83 /6 m ib v",
                "f0 86 /r m b", "f0 87 /r m v", "f0 f6 /2 m b", "f0 f7 /3 m v", "f0 fe /0 m b", "f0 ff /1 m v",
                "f0 0f ab /r m v", "f0 0f b3 /r m v", "f0 0f bb /r m v", "f0 0f ba /5 m ib v",
                "f0 0f b0 /r m b", "f0 0f b1 /r m v", "f0 0f c0 /r m b", "f0 0f c1 /r m v",
                // segment overrides, FS and GS included, and the ignored ones
                "64 8b /r m v", "65 89 /r m v", "65 c7 /0 m iz v", "2e 8b /r m v", "3e 01 /r m v", "26 8a /r m b",
                "36 ff /6 m d", "65 0f b6 /r m v"));
        for (int r : new int[] {0, 1, 4, 5, 7}) {
            s.add("c0 /" + r + " ib b");
            s.add("c1 /" + r + " ib v");
            s.add("d0 /" + r + " b");
            s.add("d1 /" + r + " v");
            s.add("d2 /" + r + " b");
            s.add("d3 /" + r + " v");
        }
        for (int r = 2; r < 8; r++) {
            s.add("f6 /" + r + " b");
            s.add("f7 /" + r + " v");
        }
        for (int r = 0; r < 8; r++) s.add("0f 1f /" + r + " m v");
        for (int r = 4; r < 8; r++) s.add("0f ba /" + r + " ib v");
        return List.copyOf(s);
    }

    private static String hex(int b) { return String.format("%02x", b); }

    /** A ModRM addressing mode: mod and rm bits, SIB and displacement bytes, REX.X/B, 67. */
    record Mode(int mod, int rm, byte[] tail, int rexXB, boolean addr32) { }

    private static List<Mode> registerModes() {
        List<Mode> m = new ArrayList<>();
        for (int b = 0; b < 2; b++) for (int rm = 0; rm < 8; rm++) m.add(new Mode(3, rm, new byte[0], b, false));
        return m;
    }

    private static final long[] DISP8 = {0x08, 0xf8, 0x00, 0x7f, 0x80};
    private static final long[] DISP32 = {0x12345678L, 0xffffff80L, 0x80000000L, 0x00000000L, 0x00000009L, 0x0000000aL};

    static final List<Mode> REGISTER_MODES = registerModes();
    static final List<Mode> MEMORY_MODES = memoryModes();

    private static List<Mode> memoryModes() {
        List<Mode> m = new ArrayList<>();
        int k = 0;
        for (int b = 0; b < 2; b++) {
            for (int rm : new int[] {0, 1, 2, 3, 6, 7}) m.add(new Mode(0, rm, new byte[0], b, false));
            m.add(new Mode(0, 5, le(DISP32[k++ % DISP32.length], 4), b, false)); // RIP-relative, REX.B ignored
            for (int rm = 0; rm < 8; rm++) {
                if (rm == 4) continue;
                m.add(new Mode(1, rm, le(DISP8[k++ % DISP8.length], 1), b, false));
                m.add(new Mode(2, rm, le(DISP32[k++ % DISP32.length], 4), b, false));
            }
        }
        // SIB with mod 00: every base (5 = no base, disp32) x every index (4 = none unless REX.X)
        for (int base = 0; base < 8; base++) {
            for (int index = 0; index < 8; index++) {
                int scale = (base * 3 + index) % 4;
                int xb = ((base + index) & 1) << 1 | (base >> 1) & 1;
                byte[] disp = base == 5 ? le(DISP32[k++ % DISP32.length], 4) : new byte[0];
                m.add(new Mode(0, 4, concat(new byte[] {(byte) (scale << 6 | index << 3 | base)}, disp), xb, false));
            }
        }
        // the r12/r13 cases: base r12 needs a SIB, base r13 with mod 00 is "no base", index r12 exists
        for (int xb = 0; xb < 4; xb++) {
            m.add(new Mode(0, 4, new byte[] {(byte) 0x24}, xb, false));
            m.add(new Mode(0, 4, concat(new byte[] {(byte) 0x65}, le(0x10, 4)), xb, false));
            m.add(new Mode(1, 4, new byte[] {(byte) 0xa5, 0x00}, xb, false));
            m.add(new Mode(1, 5, new byte[] {0x00}, xb, false));
        }
        // SIB with disp8 / disp32
        for (int i = 0; i < 16; i++) {
            int base = i % 8, index = (i * 5 + 3) % 8, scale = i % 4;
            byte sib = (byte) (scale << 6 | index << 3 | base);
            m.add(new Mode(1, 4, concat(new byte[] {sib}, le(DISP8[k++ % DISP8.length], 1)), i & 3, false));
            m.add(new Mode(2, 4, concat(new byte[] {sib}, le(DISP32[k++ % DISP32.length], 4)), (i >> 2) & 3, false));
        }
        // 67: 32-bit addressing
        m.add(new Mode(0, 0, new byte[0], 0, true));
        m.add(new Mode(0, 5, le(0xfffffff0L, 4), 0, true));
        m.add(new Mode(1, 3, le(0x10, 1), 1, true));
        m.add(new Mode(2, 6, le(0x80000000L, 4), 0, true));
        m.add(new Mode(0, 4, new byte[] {(byte) 0x88}, 3, true));
        m.add(new Mode(0, 4, concat(new byte[] {(byte) 0x25}, le(0xfffffff0L, 4)), 0, true));
        m.add(new Mode(0, 4, concat(new byte[] {(byte) 0xcd}, le(0x100, 4)), 2, true));
        m.add(new Mode(1, 4, new byte[] {(byte) 0x64, (byte) 0x80}, 1, true));
        return List.copyOf(m);
    }

    static byte[] le(long v, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) b[i] = (byte) (v >>> (8 * i));
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static final long[] IMM8 = {0x05, 0x7f, 0x80, 0xff, 0x0a, 0x01, 0x00, 0x09};
    private static final long[] IMM16 = {0x1234, 0xfff6, 0x8000, 0x0009, 0x7fff};
    private static final long[] IMM32 = {0x12345678L, 0xfffffff6L, 0x80000000L, 0x0000000aL, 0x7fffffffL, 0xffffffffL};
    private static final long[] IMM64 = {0x123456789abcdef0L, 0xffffffffffffffffL, 0x5L, 0x8000000000000000L};

    /** All expansions of all forms. */
    static List<byte[]> corpus() {
        List<byte[]> out = new ArrayList<>();
        for (String spec : SPECS) expand(spec, out);
        return out;
    }

    static void expand(String spec, List<byte[]> out) {
        Spec f = Spec.parse(spec);
        int[] sizes = switch (f.sizeClass) {
            case 'v' -> new int[] {2, 4, 8};
            case 'd', 'p' -> new int[] {2, 0};
            default -> new int[] {0};
        };
        int counter = spec.hashCode() & 0xFF;
        for (int size : sizes) {
            List<Mode> modes = new ArrayList<>();
            if (f.modrm) {
                if (!f.memoryOnly) modes.addAll(REGISTER_MODES);
                if (!f.registerOnly) modes.addAll(MEMORY_MODES);
            } else {
                modes.add(null);
            }
            int variants = f.conditions ? 16 : f.opcodeReg ? 16 : 1;
            for (Mode mode : modes) {
                for (int v = 0; v < variants; v++) out.add(f.encode(size, mode, v, counter++));
            }
        }
    }

    /** A parsed form. */
    private static final class Spec {
        final List<Integer> bytes = new ArrayList<>();
        boolean opcodeReg, conditions, modrm, memoryOnly, registerOnly;
        int fixedReg = -1; // -1: any; 's' segment; 'c' control
        String imm = "";
        char sizeClass = 'n';

        static Spec parse(String spec) {
            Spec f = new Spec();
            for (String t : spec.split(" ")) {
                switch (t) {
                    case "+r" -> f.opcodeReg = true;
                    case "+cc" -> f.conditions = true;
                    case "/r" -> f.modrm = true;
                    case "/s" -> { f.modrm = true; f.fixedReg = 's'; }
                    case "/c" -> { f.modrm = true; f.fixedReg = 'c'; f.registerOnly = true; }
                    case "m" -> f.memoryOnly = true;
                    case "R" -> f.registerOnly = true;
                    case "ib", "iw", "iz", "iv", "rel8", "rel32", "mo" -> f.imm = t;
                    case "b", "v", "d", "p", "n" -> f.sizeClass = t.charAt(0);
                    default -> {
                        if (t.startsWith("/")) { f.modrm = true; f.fixedReg = t.charAt(1) - '0'; }
                        else f.bytes.add(Integer.parseInt(t, 16));
                    }
                }
            }
            return f;
        }

        /** One instance: {@code size} 2/4/8 (or 0 = no size prefix), a mode, a variant, a counter for the varying fields. */
        byte[] encode(int size, Mode mode, int variant, int counter) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            List<Integer> opcode = new ArrayList<>(bytes);
            // legacy prefixes written in the spec come first, then 66/67, then REX
            int firstOpcode = 0;
            while (firstOpcode < opcode.size() - 1 && isLegacyPrefixOrRex(opcode.get(firstOpcode))) firstOpcode++;
            for (int i = 0; i < firstOpcode; i++) if (!isRex(opcode.get(i))) b.write(opcode.get(i));
            if (size == 2) b.write(0x66);
            if (mode != null && mode.addr32) b.write(0x67);
            int rex = 0;
            for (int i = 0; i < firstOpcode; i++) if (isRex(opcode.get(i))) rex |= opcode.get(i);
            if (size == 8) rex |= 0x48;
            int reg = fixedReg >= 0 && fixedReg < 8 ? fixedReg : counter & 7;
            if (fixedReg == 's') {
                reg = counter % 6;
                if (reg == 1 && last() == 0x8E) reg = 3; // mov to %cs is #UD
            }
            if (fixedReg == 'c') reg = new int[] {0, 2, 3, 4}[counter & 3];
            if (modrm) {
                if (fixedReg == -1 && (counter & 8) != 0) rex |= 0x44;
                if (mode.rexXB != 0) rex |= 0x40 | mode.rexXB;
            }
            int last = opcode.get(opcode.size() - 1);
            if (opcodeReg) {
                last += variant & 7;
                if (variant >= 8) rex |= 0x41;
            }
            if (conditions) last += variant;
            if (sizeClass == 'b' && rex == 0 && (counter % 3) == 0) rex = 0x40; // spl..dil instead of ah..bh
            if (rex != 0) b.write(rex | 0x40);
            for (int i = firstOpcode; i < opcode.size() - 1; i++) b.write(opcode.get(i));
            b.write(last);
            if (modrm) {
                b.write(mode.mod << 6 | reg << 3 | mode.rm);
                b.writeBytes(mode.tail);
            }
            int opSize = size == 0 ? (sizeClass == 'd' ? 8 : 4) : size;
            switch (imm) {
                case "ib", "rel8" -> b.writeBytes(le(IMM8[counter % IMM8.length], 1));
                case "iw" -> b.writeBytes(le(IMM16[counter % IMM16.length], 2));
                case "iz" -> b.writeBytes(opSize == 2 ? le(IMM16[counter % IMM16.length], 2) : le(IMM32[counter % IMM32.length], 4));
                case "iv" -> b.writeBytes(opSize == 2 ? le(IMM16[counter % IMM16.length], 2)
                        : opSize == 4 ? le(IMM32[counter % IMM32.length], 4) : le(IMM64[counter % IMM64.length], 8));
                case "rel32" -> b.writeBytes(le(IMM32[counter % IMM32.length], 4));
                case "mo" -> b.writeBytes(bytes.get(0) == 0x67 ? le(IMM32[counter % IMM32.length], 4) : le(IMM64[counter % IMM64.length], 8));
                default -> { }
            }
            return b.toByteArray();
        }

        private int last() { return bytes.get(bytes.size() - 1); }

        private static boolean isRex(int b) { return (b & 0xF0) == 0x40; }

        private static boolean isLegacyPrefixOrRex(int b) {
            return isRex(b) || b == 0x66 || b == 0x67 || b == 0xF0 || b == 0xF2 || b == 0xF3
                    || b == 0x26 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x64 || b == 0x65;
        }
    }
}
