package dev.tk86.isa.decode;

/**
 * Names for the opcodes the subset leaves out, so that #UD says what the guest tried
 * ("syscall is outside the tk86 subset") instead of a bare byte, and the opcodes that do not
 * exist in 64-bit mode at all (SDM Vol. 2D, Tables, entries marked i64).
 */
final class Unsupported {
    private Unsupported() { }

    /** One-byte opcodes that are invalid in 64-bit mode (i64), by what they were before. */
    private static final String I64 = "06 push es|07 pop es|0e push cs|16 push ss|17 pop ss|1e push ds|1f pop ds|"
            + "27 daa|2f das|37 aaa|3f aas|60 pusha|61 popa|82 (alias of 80)|9a far call ptr|ce into|"
            + "d4 aam|d5 aad|d6 salc|ea far jmp ptr|62 EVEX-encoded (AVX-512)|c4 VEX-encoded (AVX)|c5 VEX-encoded (AVX)";

    private static final String ONE_BYTE = "6c insb|6d insl|6e outsb|6f outsl|9b fwait|9e sahf|9f lahf|"
            + "a6 cmpsb|a7 cmps|ac lodsb|ad lods|ae scasb|af scas|c8 enter|c9 leave|ca lret|cb lret|d7 xlat|"
            + "e0 loopne|e1 loope|e2 loop|e3 jrcxz|f1 int1|f5 cmc|f8 clc|f9 stc|fc cld|fd std|"
            + "d8 x87|d9 x87|da x87|db x87|dc x87|dd x87|de x87|df x87";

    private static final String TWO_BYTE = "02 lar|03 lsl|05 syscall|06 clts|07 sysret|08 invd|09 wbinvd|"
            + "0d prefetch|0e femms|0f 3DNow!|18 prefetch|19 the hint nop 0f 19|1a the hint nop 0f 1a (bndldx/bndmov)|"
            + "1b the hint nop 0f 1b (bndstx/bndmov)|1c the hint nop 0f 1c|1d the hint nop 0f 1d|"
            + "21 mov from a debug register|23 mov to a debug register|33 rdpmc|34 sysenter|35 sysexit|37 getsec|"
            + "38 a three-byte 0f 38 instruction (SSSE3/SSE4)|3a a three-byte 0f 3a instruction (SSE4)|"
            + "77 emms|a0 push %fs|a1 pop %fs|a4 shld|a5 shld|a8 push %gs|a9 pop %gs|aa rsm|ac shrd|ad shrd|"
            + "b2 lss|b4 lfs|b5 lgs|b8 popcnt|b9 ud1|bc bsf|bd bsr|ff ud0|"
            + "c7 cmpxchg8b/cmpxchg16b/rdrand/rdseed (group 9)";

    private static final String TWO_BYTE_I64 = "04|0a|0c|24|25|26|27|36|39|3b|3c|3d|3e|3f|a6|a7";

    static final String[] GROUP6 = {"sldt", "str", "lldt", "ltr", "verr", "verw", null, null};
    static final String[] GROUP7_MEMORY = {"sgdt", "sidt", "lgdt", "lidt", "smsw", "rstorssp", "lmsw", "invlpg"};
    private static final String GROUP7_REGISTER = "c0 enclv|c1 vmcall|c2 vmlaunch|c3 vmresume|c4 vmxoff|c5 pconfig|"
            + "c8 monitor|c9 mwait|ca clac|cb stac|cf encls|d0 xgetbv|d1 xsetbv|d4 vmfunc|d5 xend|d6 xtest|d7 enclu|"
            + "d8 vmrun|d9 vmmcall|da vmload|db vmsave|dc stgi|dd clgi|de skinit|df invlpga|e8 serialize|"
            + "ee rdpkru|ef wrpkru|f9 rdtscp|fa monitorx|fb mwaitx|fc clzero|fd rdpru";
    private static final String[] GROUP15_MEMORY = {"fxsave", "fxrstor", "ldmxcsr", "stmxcsr", "xsave", "xrstor", "xsaveopt", "clflush"};
    private static final String[] GROUP15_F3_REGISTER = {"rdfsbase", "rdgsbase", "wrfsbase", "wrgsbase", null, "incssp", "umonitor", null};

    private static final String[] ONE_BYTE_NAMES = table(ONE_BYTE);
    private static final String[] I64_NAMES = table(I64);
    private static final String[] TWO_BYTE_NAMES = table(TWO_BYTE);
    private static final String[] TWO_BYTE_I64_NAMES = table(TWO_BYTE_I64);
    private static final String[] GROUP7_REGISTER_NAMES = table(GROUP7_REGISTER);

    /** "hh name|hh name|..." as a 256-entry table by opcode byte. */
    private static String[] table(String spec) {
        String[] t = new String[256];
        for (String entry : spec.split("\\|")) {
            t[Integer.parseInt(entry.substring(0, 2), 16)] = entry.length() > 3 ? entry.substring(3) : "";
        }
        return t;
    }

    static DecodeException oneByte(Cursor c, int op) {
        if (I64_NAMES[op] != null) return c.undefined(String.format("opcode %02x (%s)", op, I64_NAMES[op]));
        String name = ONE_BYTE_NAMES[op];
        if (name != null) return c.outside(name.equals("x87") ? String.format("the x87 instruction %02x", op) : name);
        return c.outside(String.format("opcode %02x", op));
    }

    static DecodeException twoByte(Cursor c, int op) {
        if (TWO_BYTE_I64_NAMES[op] != null) return c.undefined(String.format("opcode 0f %02x", op));
        if (op == 0x00) {
            c.readModRm();
            String name = GROUP6[c.regField()];
            return name == null ? c.undefined("opcode 0f 00 /" + c.regField()) : c.outside(name);
        }
        String name = TWO_BYTE_NAMES[op];
        if (name != null) return c.outside(name);
        if (op >= 0xC8 && op <= 0xCF) return c.outside("bswap");
        if (op >= 0x10 && op <= 0x17 || op >= 0x28 && op <= 0x2F || op >= 0x50 && op <= 0x7F
                || op >= 0xC2 && op <= 0xC6 || op >= 0xD0) {
            return c.outside(String.format("the SSE/MMX instruction 0f %02x", op));
        }
        return c.outside(String.format("opcode 0f %02x", op));
    }

    static DecodeException group7Register(Cursor c) {
        String name = GROUP7_REGISTER_NAMES[c.modrm];
        if (name == null && c.modrm >= 0xE0 && c.modrm <= 0xE7) name = "smsw";
        if (name == null && c.modrm >= 0xF0 && c.modrm <= 0xF7) name = "lmsw";
        return c.outside(name != null ? name : String.format("opcode 0f 01 %02x", c.modrm));
    }

    static DecodeException group15(Cursor c) {
        int r = c.regField();
        String name = null;
        if (!c.isRegisterForm()) name = GROUP15_MEMORY[r];
        else if (c.has(Insn.PREFIX_REP)) name = GROUP15_F3_REGISTER[r];
        return c.outside(name != null ? name : String.format("opcode 0f ae %02x with these prefixes", c.modrm));
    }
}
