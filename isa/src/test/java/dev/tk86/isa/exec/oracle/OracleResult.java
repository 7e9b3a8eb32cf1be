package dev.tk86.isa.exec.oracle;

/**
 * The state after a case. {@code signal} is 0 when the instruction completed, else the host
 * signal it raised (SIGFPE for #DE, SIGILL for #UD, SIGSEGV for #PF and #GP, SIGTRAP); the
 * registers and flags are then those at the fault, and {@code faultAddr} the address of a
 * page fault.
 */
public record OracleResult(int signal, long[] regs, long rflags, long faultRip, long faultAddr, byte[] data, byte[] stack) {
    public static final int SIGILL = 4, SIGTRAP = 5, SIGBUS = 7, SIGFPE = 8, SIGSEGV = 11;
}
