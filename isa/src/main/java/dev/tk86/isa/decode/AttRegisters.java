package dev.tk86.isa.decode;

/** AT&T register names (without the %). */
final class AttRegisters {
    private AttRegisters() { }

    private static final String[] Q = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi"};
    private static final String[] D = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"};
    private static final String[] W = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di"};
    private static final String[] B = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"};
    private static final String[] HIGH = {"ah", "ch", "dh", "bh"};
    static final String[] SEGMENT = {"es", "cs", "ss", "ds", "fs", "gs"};

    /** A general-purpose register (0..15, {@link Operand.Reg#AH}+0..3) of 1, 2, 4 or 8 bytes, or RIP. */
    static String gpr(int num, int size) {
        if (num == Operand.RIP) return size == 4 ? "eip" : "rip";
        if (num >= Operand.Reg.AH) return HIGH[num - Operand.Reg.AH];
        if (num >= 8) {
            String r = "r" + num;
            return switch (size) {
                case 1 -> r + "b";
                case 2 -> r + "w";
                case 4 -> r + "d";
                default -> r;
            };
        }
        return switch (size) {
            case 1 -> B[num];
            case 2 -> W[num];
            case 4 -> D[num];
            default -> Q[num];
        };
    }
}
