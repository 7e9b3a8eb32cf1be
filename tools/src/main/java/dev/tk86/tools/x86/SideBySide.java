package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.CpuVendor;
import java.util.ArrayList;
import java.util.List;

/**
 * Capstone's disassembly next to tk86's, instruction by instruction (tk86 x86 disasm). Both
 * decode at the same offset; the walk goes on by tk86's length, or Capstone's where tk86 has
 * no instruction, or one byte where neither has. Without Capstone, the first instruction tk86
 * rejects ends the walk (its length is unknown), and its row holds the remaining bytes.
 */
public final class SideBySide {
    /** One row: where, which bytes, and both texts (capstone null when it is not available). */
    public record Row(long address, byte[] bytes, String capstone, String tk86, boolean differ) { }

    private SideBySide() { }

    public static List<Row> rows(byte[] code, long address, CapstoneX86 capstone, CpuVendor vendor) {
        List<Row> rows = new ArrayList<>();
        int off = 0;
        while (off < code.length) {
            long at = address + off;
            DecodedText ours = InsnDecoder.decode(code, off, at, vendor);
            DecodedText.Insn theirs = capstone == null ? null : capstone.decode(code, off, at);
            int len = ours.length() > 0 ? ours.length() : theirs != null ? theirs.length()
                    : capstone == null ? code.length - off : 1;
            String ourText = ours instanceof DecodedText.Insn i ? i.text() : "(" + ((DecodedText.Rejected) ours).describe() + ")";
            String theirText = capstone == null ? null : theirs == null ? "(bad)" : theirs.text();
            boolean differ = capstone != null && !(ours instanceof DecodedText.Insn i
                    && theirs != null && i.length() == theirs.length() && i.text().equals(theirs.text()));
            if (capstone != null && theirs == null && !(ours instanceof DecodedText.Insn)) differ = false; // neither decodes
            rows.add(new Row(at, java.util.Arrays.copyOfRange(code, off, Math.min(code.length, off + len)), theirText, ourText, differ));
            off += len;
        }
        return rows;
    }
}
