package dev.tk86.isa.cpu;

/** RFLAGS bits (SDM Vol. 1, 3.4.3). */
public final class Rflags {
    private Rflags() { }
    public static final long CF = 1L, FIXED1 = 1L << 1, PF = 1L << 2, AF = 1L << 4, ZF = 1L << 6, SF = 1L << 7;
    public static final long TF = 1L << 8, IF = 1L << 9, DF = 1L << 10, OF = 1L << 11;
    public static final long IOPL = 3L << 12, NT = 1L << 14, RF = 1L << 16, VM = 1L << 17, AC = 1L << 18;
    public static final long VIF = 1L << 19, VIP = 1L << 20, ID = 1L << 21;
    /** The six status flags kept lazily. */
    public static final long STATUS = CF | PF | AF | ZF | SF | OF;
    /** Bits popfq may change at CPL 0 in 64-bit mode (VM, VIP, VIF stay as they are). */
    public static final long POPF_MASK_CPL0 = STATUS | TF | IF | DF | IOPL | NT | AC | ID | RF;
}
