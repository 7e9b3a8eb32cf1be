package dev.tk86.isa.fault;

/** Page-fault error code bits (SDM Vol. 3A, 4.7, Figure 4-12). */
public final class PfError {
    private PfError() { }
    public static final int P = 1;      // 0: not present, 1: protection violation
    public static final int WR = 1 << 1; // write access
    public static final int US = 1 << 2; // CPL 3 access
    public static final int RSVD = 1 << 3; // reserved bit set in a paging entry
    public static final int ID = 1 << 4;  // instruction fetch (with NXE)
}
