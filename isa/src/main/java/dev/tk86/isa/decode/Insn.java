package dev.tk86.isa.decode;

import java.util.List;

/**
 * A decoded instruction of the subset.
 *
 * @param mnemonic  what it is
 * @param cond      the condition (0..15, SDM tttn: o no b ae e ne be a s ns p np l ge le g)
 *                  for JCC, SETCC and CMOVCC; -1 otherwise
 * @param length    encoded length in bytes (1..15)
 * @param opSize    operand size in bytes (1, 2, 4 or 8) as the prefixes and REX.W made it
 * @param addrSize  address size in bytes (8, or 4 with a 67 prefix)
 * @param prefixes  the legacy prefixes and REX seen, as {@code PREFIX_*} bits
 * @param operands  operands in Intel order (destination first)
 */
public record Insn(Mnemonic mnemonic, int cond, int length, int opSize, int addrSize, int prefixes,
                   List<Operand> operands) {

    public static final int PREFIX_LOCK = 1;
    /** F3. Of F2 and F3 only the last one is recorded: it decides rep/repne and pause/nop. */
    public static final int PREFIX_REP = 1 << 1;
    /** F2 (see {@link #PREFIX_REP}). */
    public static final int PREFIX_REPNE = 1 << 2;
    public static final int PREFIX_OPSIZE = 1 << 3;  // 66
    public static final int PREFIX_ADDRSIZE = 1 << 4; // 67
    public static final int PREFIX_REX = 1 << 5;
    public static final int PREFIX_REX_W = 1 << 6;

    public Insn {
        operands = List.copyOf(operands);
    }

    public Operand operand(int i) { return operands.get(i); }

    public boolean has(int prefix) { return (prefixes & prefix) != 0; }
}
