package dev.tk86.isa.cpu;

/**
 * Model-specific registers the subset implements. The local APIC is reached in x2APIC mode
 * through MSRs 0x800..0x8FF (SDM Vol. 3A, 11.12), so the kernel needs no MMIO window.
 */
public final class Msr {
    private Msr() { }
    public static final int TSC = 0x10;
    public static final int APIC_BASE = 0x1B;
    public static final int EFER = 0xC000_0080;
    public static final int STAR = 0xC000_0081, LSTAR = 0xC000_0082, FMASK = 0xC000_0084;
    public static final int FS_BASE = 0xC000_0100;
    public static final int GS_BASE = 0xC000_0101;
    public static final int KERNEL_GS_BASE = 0xC000_0102;
    public static final int TSC_AUX = 0xC000_0103;
    // x2APIC registers (MSR = 0x800 + MMIO offset / 16)
    public static final int X2APIC_ID = 0x802, X2APIC_VERSION = 0x803, X2APIC_TPR = 0x808;
    public static final int X2APIC_EOI = 0x80B, X2APIC_SVR = 0x80F, X2APIC_ISR0 = 0x810;
    public static final int X2APIC_ICR = 0x830, X2APIC_LVT_TIMER = 0x832;
    public static final int X2APIC_TIMER_INITIAL = 0x838, X2APIC_TIMER_CURRENT = 0x839;
    public static final int X2APIC_TIMER_DIVIDE = 0x83E, X2APIC_SELF_IPI = 0x83F;
}
