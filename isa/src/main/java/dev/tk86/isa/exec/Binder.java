package dev.tk86.isa.exec;

import dev.tk86.isa.decode.DecodeException;
import dev.tk86.isa.decode.Insn;
import dev.tk86.isa.decode.Mnemonic;
import dev.tk86.isa.decode.Operand;
import java.util.EnumSet;
import java.util.Set;

/**
 * Binds a decoded instruction to its semantics: picks the {@link Op} subclass for its form
 * (register or memory operand, operand size, immediate or register source) and resolves
 * everything that does not change between executions (register numbers, masks, immediates,
 * the shape of the address). The instruction classes are grouped by kind of behaviour, as in
 * Bochs' cpu/ folder: {@link DataTransfer}, {@link Arithmetic}, {@link Logic},
 * {@link Multiply}, {@link Shifts}, {@link BitOps}, {@link Stack}, {@link ControlTransfer},
 * {@link StringOps}, {@link Atomics}, {@link SystemOps}, {@link Msrs}, {@link CpuidLeaves},
 * {@link PortIo}, {@link NoOps}.
 *
 * <p>An instruction the semantics cannot take (a form outside the subset, a lock prefix on an
 * instruction that is not a read-modify-write of memory) is reported as a
 * {@link DecodeException} by the code that recognises it, which the code cache turns into #UD
 * naming it. Any other exception out of binding is a bug in tk86, not a property of the guest's
 * code, and stays what it is: it must never reach the guest as #UD.
 */
public final class Binder {
    private Binder() { }

    /** Instructions that accept a lock prefix when their destination is memory (SDM Vol. 2A, LOCK). */
    private static final Set<Mnemonic> LOCKABLE = EnumSet.of(Mnemonic.ADD, Mnemonic.ADC, Mnemonic.AND, Mnemonic.BTC,
            Mnemonic.BTR, Mnemonic.BTS, Mnemonic.CMPXCHG, Mnemonic.DEC, Mnemonic.INC, Mnemonic.NEG, Mnemonic.NOT,
            Mnemonic.OR, Mnemonic.SBB, Mnemonic.SUB, Mnemonic.XOR, Mnemonic.XADD, Mnemonic.XCHG);

    public static Op bind(Insn insn) {
        if (insn.has(Insn.PREFIX_LOCK) && !lockable(insn))
            throw new DecodeException(DecodeException.Kind.UNDEFINED, 0,
                    "lock prefix on " + name(insn) + ", which is not a read-modify-write of memory");
        return bindGroup(insn);
    }

    private static boolean lockable(Insn insn) {
        if (!LOCKABLE.contains(insn.mnemonic()) || insn.operands().isEmpty()) return false;
        if (insn.operand(0) instanceof Operand.Mem) return true;
        return insn.mnemonic() == Mnemonic.XCHG && insn.operands().size() > 1 && insn.operand(1) instanceof Operand.Mem;
    }

    private static String name(Insn insn) {
        return insn.mnemonic().name().toLowerCase();
    }

    private static Op bindGroup(Insn insn) {
        return switch (insn.mnemonic()) {
            case MOV, MOVZX, MOVSX, MOVSXD, LEA, CMOVCC, SETCC, CBW, CWDE, CDQE, CWD, CDQ, CQO -> DataTransfer.bind(insn);
            case ADD, SUB, ADC, SBB, CMP, INC, DEC, NEG -> Arithmetic.bind(insn);
            case AND, OR, XOR, TEST, NOT -> Logic.bind(insn);
            case MUL, IMUL, DIV, IDIV -> Multiply.bind(insn);
            case SHL, SHR, SAR, ROL, ROR -> Shifts.bind(insn);
            case BT, BTS, BTR, BTC -> BitOps.bind(insn);
            case PUSH, POP, PUSHFQ, POPFQ -> Stack.bind(insn);
            case JMP, JCC, CALL, RET, INT3, INT, IRETQ, UD2 -> ControlTransfer.bind(insn);
            case MOVS, STOS -> StringOps.bind(insn);
            case XCHG, CMPXCHG, XADD -> Atomics.bind(insn);
            case INVLPG, LGDT, LIDT, SWAPGS, HLT, CLI, STI, RDTSC -> SystemOps.bind(insn);
            case RDMSR, WRMSR -> Msrs.bind(insn);
            case CPUID -> CpuidLeaves.bind(insn);
            case IN, OUT -> PortIo.bind(insn);
            case NOP, PAUSE, ENDBR64, LFENCE, MFENCE, SFENCE -> NoOps.bind(insn);
        };
    }
}
