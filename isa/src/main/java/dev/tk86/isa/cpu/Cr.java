package dev.tk86.isa.cpu;

/** Control register and EFER bits (SDM Vol. 3A, 2.5 and 2.2.1). */
public final class Cr {
    private Cr() { }
    public static final long CR0_PE = 1L, CR0_MP = 1L << 1, CR0_ET = 1L << 4, CR0_NE = 1L << 5;
    public static final long CR0_WP = 1L << 16, CR0_AM = 1L << 18, CR0_NW = 1L << 29, CR0_CD = 1L << 30;
    public static final long CR0_PG = 1L << 31;
    public static final long CR4_PSE = 1L << 4, CR4_PAE = 1L << 5, CR4_PGE = 1L << 7;
    public static final long CR4_OSFXSR = 1L << 9, CR4_FSGSBASE = 1L << 16;
    public static final long EFER_SCE = 1L, EFER_LME = 1L << 8, EFER_LMA = 1L << 10, EFER_NXE = 1L << 11;
    /** CR3 bits that locate the PML4 (no PCID: bits 12..51). */
    public static final long CR3_PML4_MASK = 0x000F_FFFF_FFFF_F000L;
}
