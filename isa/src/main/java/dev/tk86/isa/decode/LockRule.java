package dev.tk86.isa.decode;

import java.util.EnumSet;
import java.util.Set;

/**
 * SDM Vol. 2A, LOCK: the prefix is only allowed on the read-modify-write instructions below,
 * and only when their destination is memory; anything else raises #UD.
 */
final class LockRule {
    private LockRule() { }

    private static final Set<Mnemonic> LOCKABLE = EnumSet.of(
            Mnemonic.ADD, Mnemonic.ADC, Mnemonic.AND, Mnemonic.BTC, Mnemonic.BTR, Mnemonic.BTS,
            Mnemonic.CMPXCHG, Mnemonic.DEC, Mnemonic.INC, Mnemonic.NEG, Mnemonic.NOT, Mnemonic.OR,
            Mnemonic.SBB, Mnemonic.SUB, Mnemonic.XOR, Mnemonic.XADD, Mnemonic.XCHG);

    static void check(Cursor c, Mnemonic m, Operand[] operands) {
        if (!LOCKABLE.contains(m)) {
            throw new DecodeException(DecodeException.Kind.UNDEFINED, c.length(),
                    "lock prefix on " + m.name().toLowerCase() + ", which is not a locked read-modify-write instruction");
        }
        if (operands.length == 0 || !(operands[0] instanceof Operand.Mem)) {
            throw new DecodeException(DecodeException.Kind.UNDEFINED, c.length(),
                    "lock prefix on " + m.name().toLowerCase() + " with a register destination");
        }
    }
}
