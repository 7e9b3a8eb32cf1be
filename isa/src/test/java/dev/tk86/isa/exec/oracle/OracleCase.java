package dev.tk86.isa.exec.oracle;

import java.util.HexFormat;

/**
 * One differential case: instruction bytes and the state to run them from (every GPR, the
 * status flags and DF, the data window and the stack window), plus what the comparison needs
 * to know about the instruction: its iced code (for the flags it leaves undefined) and, for
 * shifts and rotates by an immediate, the masked count class (0, 1, or more).
 */
public record OracleCase(byte[] code, long[] regs, long rflags, byte[] data, byte[] stack, String icedCode, int countClass) {

    public static final long CODE_VA = 0x1001_0000L;
    public static final long DATA_VA = 0x1000_0000L;
    public static final long STACK_VA = 0x1000_8000L;
    public static final long GS_BASE = 0x1000L;
    public static final int WINDOW = 128;
    /** The data window is the last 128 bytes of the data page; the page after it is unmapped. */
    public static final long DATA_WINDOW = DATA_VA + 4096 - WINDOW;
    /** The stack window is the 128 bytes around STACK_TOP. */
    public static final long STACK_TOP = STACK_VA + 0x800;
    public static final long STACK_WINDOW = STACK_TOP - WINDOW / 2;

    public String hex() { return HexFormat.of().formatHex(code); }
}
