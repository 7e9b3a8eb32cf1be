package dev.tk86.isa.decode;

/**
 * Decodes one instruction of the subset in 64-bit mode.
 * PLACEHOLDER while the decoder is being written (issue 2): rejects everything.
 */
public final class Decoder {
    private Decoder() { }

    public static Insn decode(ByteSource src, long address) {
        throw new DecodeException(DecodeException.Kind.OUTSIDE_SUBSET, 0, "decoder not written yet");
    }
}
