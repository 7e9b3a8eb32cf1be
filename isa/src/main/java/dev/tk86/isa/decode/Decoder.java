package dev.tk86.isa.decode;

import dev.tk86.isa.cpu.CpuVendor;

/**
 * Decodes one instruction of the tk86 subset in 64-bit mode: prefixes ({@link Prefixes}),
 * the one-byte and 0F opcode maps ({@link OneByteMap}, {@link TwoByteMap}) and ModRM/SIB
 * memory operands ({@link ModRm}). Anything else throws a {@link DecodeException} saying why.
 */
public final class Decoder {
    private Decoder() { }

    /** Decodes as an Intel processor does (the machine's default vendor). */
    public static Insn decode(ByteSource src, long address) { return decode(src, address, CpuVendor.INTEL); }

    /**
     * @param src     the instruction bytes, read one at a time and never past the instruction
     * @param address where the instruction is; branch operands stay relative ({@link Operand.Rel}),
     *                so decoding does not depend on it
     * @param vendor  whose rules decide the encodings the two vendors read differently (66 on
     *                near branches, F3 REX.B 90, 66 63): see docs/isa.md, "Vendor rules"
     */
    public static Insn decode(ByteSource src, long address, CpuVendor vendor) {
        Cursor c = new Cursor(src, vendor);
        int op = Prefixes.read(c);
        return op == 0x0F ? TwoByteMap.decode(c) : OneByteMap.decode(c, op);
    }
}
