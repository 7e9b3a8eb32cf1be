package dev.tk86.isa.cpu;

/** General-purpose register numbers, as encoded in ModRM/REX (SDM Vol. 2A, 2.2.1). */
public final class Reg {
    private Reg() { }
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;
    public static final int R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15;

    private static final String[] NAMES = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
            "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};

    public static String name(int r) { return NAMES[r]; }

    public static int byName(String name) {
        for (int i = 0; i < NAMES.length; i++) if (NAMES[i].equals(name)) return i;
        return -1;
    }
}
