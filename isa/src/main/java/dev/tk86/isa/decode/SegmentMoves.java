package dev.tk86.isa.decode;

/**
 * mov to and from segment registers (8C, 8E): selector-only in tk86. ModRM.reg names the
 * segment register (REX.R is ignored: there are only six); 6 and 7 do not exist, and loading
 * CS with mov is #UD (SDM Vol. 2A, MOV). A memory operand is always 16 bits; a register
 * operand has the operand size, so {@code 8c c0} is {@code movl %es, %eax} and zero-extends.
 */
final class SegmentMoves {
    private SegmentMoves() { }

    static Insn decode(Cursor c, int op) {
        c.readModRm();
        int sreg = c.regField();
        if (sreg > Operand.SReg.GS) throw c.undefined(String.format("mov with segment register %d (opcode %02x)", sreg, op));
        if (op == 0x8E && sreg == Operand.SReg.CS) throw c.undefined("mov to %cs");
        int s = c.isRegisterForm() ? c.opSize() : 2;
        Operand other = c.rm(s);
        Operand.SReg seg = new Operand.SReg(sreg);
        return op == 0x8C ? c.insn(Mnemonic.MOV, s, other, seg) : c.insn(Mnemonic.MOV, s, seg, other);
    }
}
