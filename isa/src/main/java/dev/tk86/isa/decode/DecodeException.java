package dev.tk86.isa.decode;

/**
 * The bytes are not an instruction of the subset. The machine turns {@link Kind#UNDEFINED}
 * and {@link Kind#OUTSIDE_SUBSET} into #UD, {@link Kind#TOO_LONG} into #GP(0); the command
 * line reports {@link Kind#TRUNCATED} as bad input.
 */
public final class DecodeException extends RuntimeException {
    public enum Kind {
        /** ran out of bytes (only from finite sources such as a hex string) */
        TRUNCATED,
        /** more than 15 bytes (SDM 2.3.11): #GP(0) */
        TOO_LONG,
        /** a real x86-64 instruction that tk86 does not implement: #UD naming it */
        OUTSIDE_SUBSET,
        /** not an instruction in 64-bit mode at all, or an invalid prefix combination: #UD */
        UNDEFINED
    }

    private final Kind kind;
    private final int offset;

    public DecodeException(Kind kind, int offset, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.offset = offset;
    }

    public Kind kind() { return kind; }

    /** Byte offset from the instruction start where decoding stopped. */
    public int offset() { return offset; }
}
