package dev.tk86.isa.decode;

/**
 * Every instruction of the tk86 subset (docs/architecture.md, "The subset"). The condition of Jcc, SETcc
 * and CMOVcc is not part of the mnemonic but of {@link Insn#cond()}, the way the SDM writes
 * them as one instruction with a tttn field. Moves to and from control and segment registers
 * are {@link #MOV} with a {@link Operand.Cr} or {@link Operand.SReg} operand, and movabs is
 * {@link #MOV} with a 64-bit immediate or a 64-bit absolute address: the formatter chooses the
 * spelling, the semantics do not care.
 */
public enum Mnemonic {
    // data transfer
    MOV, MOVZX, MOVSX, MOVSXD, LEA, PUSH, POP, XCHG, CMPXCHG, XADD,
    CBW, CWDE, CDQE, CWD, CDQ, CQO, CMOVCC, SETCC,
    // arithmetic and logic
    ADD, SUB, ADC, SBB, AND, OR, XOR, CMP, TEST, INC, DEC, NEG, NOT,
    IMUL, MUL, DIV, IDIV,
    // shifts, rotates and bit tests
    SHL, SHR, SAR, ROL, ROR, BT, BTS, BTR, BTC,
    // control transfer
    JMP, JCC, CALL, RET, INT3, INT, IRETQ,
    // string instructions (rep-prefixable)
    MOVS, STOS,
    // system
    INVLPG, CLI, STI, HLT, SWAPGS, RDMSR, WRMSR, RDTSC, CPUID, LGDT, LIDT, PUSHFQ, POPFQ,
    IN, OUT,
    // no-ops, hints and fences
    NOP, PAUSE, ENDBR64, LFENCE, MFENCE, SFENCE, UD2
}
