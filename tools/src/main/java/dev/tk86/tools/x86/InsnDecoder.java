package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.decode.AttFormatter;
import dev.tk86.isa.decode.ByteSource;
import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Decoder;
import dev.tk86.isa.decode.Insn;

/** tk86's own decoder and AT&T formatter, on bytes from the command line. */
public final class InsnDecoder {
    private InsnDecoder() { }

    /** Decodes the instruction starting at {@code bytes[offset]}, which sits at {@code address}, with {@code vendor}'s rules. */
    public static DecodedText decode(byte[] bytes, int offset, long address, CpuVendor vendor) {
        try {
            Insn insn = Decoder.decode(ByteSource.of(bytes, offset, bytes.length), address, vendor);
            AttFormatter.Text t = AttFormatter.split(insn, address);
            return new DecodedText.Insn(insn.length(), t.mnemonic(), t.operands());
        } catch (DecodeException e) {
            return new DecodedText.Rejected(e.kind(), e.getMessage());
        }
    }
}
