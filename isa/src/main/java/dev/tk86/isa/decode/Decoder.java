package dev.tk86.isa.decode;

/**
 * Decodes one instruction of the tk86 subset in 64-bit mode: prefixes ({@link Prefixes}),
 * the one-byte and 0F opcode maps ({@link OneByteMap}, {@link TwoByteMap}) and ModRM/SIB
 * memory operands ({@link ModRm}). Anything else throws a {@link DecodeException} saying why.
 */
public final class Decoder {
    private Decoder() { }

    /**
     * @param src     the instruction bytes, read one at a time and never past the instruction
     * @param address where the instruction is; branch operands stay relative ({@link Operand.Rel}),
     *                so decoding does not depend on it
     */
    public static Insn decode(ByteSource src, long address) {
        Cursor c = new Cursor(src);
        int op = Prefixes.read(c);
        return op == 0x0F ? TwoByteMap.decode(c) : OneByteMap.decode(c, op);
    }
}
