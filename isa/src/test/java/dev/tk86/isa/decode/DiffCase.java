package dev.tk86.isa.decode;

import java.util.HexFormat;

/**
 * One differential case: the bytes, what tk86 made of them ({@link #ours} or {@link #rejected})
 * and what Capstone made of them ({@link #theirs}, null if it rejected them), with the prefix
 * and opcode positions the exception rules look at.
 */
final class DiffCase {
    final byte[] bytes;
    final int available;
    final long address;
    final Insn ours;
    final DecodeException rejected;
    final String ourText;
    final CapstoneOracle.Result theirs;
    /** Index of the first byte after the prefixes (legacy and REX). */
    final int opcodeAt;

    DiffCase(byte[] bytes, int available, long address, Insn ours, DecodeException rejected, CapstoneOracle.Result theirs) {
        this.bytes = bytes;
        this.available = available;
        this.address = address;
        this.ours = ours;
        this.rejected = rejected;
        this.ourText = ours == null ? null : AttFormatter.format(ours, address);
        this.theirs = theirs;
        int i = 0;
        while (i < available - 1 && (isLegacyPrefix(b(i)) || isRex(b(i)))) i++;
        opcodeAt = i;
    }

    int b(int i) { return i < available ? bytes[i] & 0xFF : -1; }

    static boolean isRex(int b) { return (b & 0xF0) == 0x40; }

    static boolean isLegacyPrefix(int b) {
        return switch (b) {
            case 0x66, 0x67, 0xF0, 0xF2, 0xF3, 0x26, 0x2E, 0x36, 0x3E, 0x64, 0x65 -> true;
            default -> false;
        };
    }

    /** Whether legacy prefix {@code p} occurs among the prefixes. */
    boolean hasPrefix(int p) {
        for (int i = 0; i < opcodeAt; i++) if (b(i) == p) return true;
        return false;
    }

    /** Index of the last occurrence of legacy prefix {@code p}, or -1. */
    int lastIndexOf(int p) {
        for (int i = opcodeAt - 1; i >= 0; i--) if (b(i) == p) return i;
        return -1;
    }

    /** The REX byte in effect (the one right before the opcode), or 0. */
    int rex() { return opcodeAt > 0 && isRex(b(opcodeAt - 1)) ? b(opcodeAt - 1) : 0; }

    int opcode() { return b(opcodeAt); }

    /** The second opcode byte of a 0F instruction. */
    int opcode2() { return opcode() == 0x0F ? b(opcodeAt + 1) : -1; }

    /** The byte after the opcode (ModRM of one-byte opcodes) and after the 0F xx pair. */
    int modrm() { return b(opcodeAt + (opcode() == 0x0F ? 2 : 1)); }

    int length() { return ours != null ? ours.length() : theirs != null ? theirs.size() : Math.min(available, 15); }

    String hex() {
        return HexFormat.ofDelimiter(" ").formatHex(bytes, 0, Math.min(length(), available));
    }

    String theirText() { return theirs == null ? "(rejected)" : theirs.size() + " " + theirs.text(); }

    String ourDescription() {
        return ours != null ? ours.length() + " " + ourText : rejected.kind() + " " + rejected.getMessage();
    }

    @Override public String toString() {
        return String.format("%s @%x: tk86 %s | capstone %s", hex(), address, ourDescription(), theirText());
    }
}
