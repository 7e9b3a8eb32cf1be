package dev.tk86.isa.exec.oracle;

import java.util.SplittableRandom;

/**
 * Random (instruction, state) cases over the non-privileged subset, from templates written
 * from the SDM's opcode tables (Vol. 2D, A.3), not from tk86's decoder: every ALU, shift,
 * rotate, bit-test, multiply/divide, move, extension, exchange, stack, string and no-op form,
 * at every operand size, with register and memory operands in every addressing form, plus
 * lock prefixes where they are allowed and where they must raise #UD. Each case records its
 * iced instruction code so the comparison knows which flags the SDM leaves undefined.
 */
final class CaseGenerator {
    private static final String[] ALU = {"Add", "Or", "Adc", "Sbb", "And", "Sub", "Xor", "Cmp"};
    private static final String[] CC = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};
    private static final String[] SHIFT = {"Rol", "Ror", null, null, "Shl", "Shr", null, "Sar"};
    private static final int[] SHIFT_DIGITS = {0, 1, 4, 5, 7};
    private static final String[] UNARY = {null, null, "Not", "Neg", "Mul", "Imul", "Div", "Idiv"};
    private static final String[] BT = {"Bt", "Bts", "Btr", "Btc"};

    private final SplittableRandom rnd;

    CaseGenerator(long seed) { this.rnd = new SplittableRandom(seed); }

    /** The next case (templates chosen by weight). */
    OracleCase next() {
        while (true) {
            Draft d = new Draft(rnd.split());
            int pick = rnd.nextInt(100);
            if (pick < 22) alu(d);
            else if (pick < 27) test(d);
            else if (pick < 33) unary(d);
            else if (pick < 36) incDec(d);
            else if (pick < 40) imul(d);
            else if (pick < 50) shift(d);
            else if (pick < 55) bitTest(d);
            else if (pick < 63) mov(d);
            else if (pick < 67) extend(d);
            else if (pick < 69) lea(d);
            else if (pick < 73) exchange(d);
            else if (pick < 75) convert(d);
            else if (pick < 80) conditional(d);
            else if (pick < 87) stack(d);
            else if (pick < 93) string(d);
            else if (pick < 95) branch(d);
            else if (pick < 97) nop(d);
            else badLock(d);
            OracleCase c = d.build();
            if (c != null) return c;
        }
    }

    private static String b(int size) { return Integer.toString(size * 8); }

    private static String acc(int size) {
        return switch (size) { case 1 -> "AL"; case 2 -> "AX"; case 4 -> "EAX"; default -> "RAX"; };
    }

    private void lockMaybe(Draft d, boolean lockable) {
        if (lockable && d.rmIsMemory && rnd.nextInt(3) == 0) d.prefix(0xF0);
    }

    /** An immediate of {@code n} encoded bytes. */
    private void imm(Draft d, int n) { d.imm(d.value(n), n); }

    // --- templates ---------------------------------------------------------------------------------

    private void alu(Draft d) {
        int op = rnd.nextInt(8);
        String name = ALU[op];
        boolean lockable = op != 7;
        switch (rnd.nextInt(9)) {
            case 0 -> { d.opcode(op * 8); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(1); lockMaybe(d, lockable); d.icedCode = name + "_rm8_r8"; }
            case 1 -> { int s = d.vsize(); d.opcode(op * 8 + 1); d.regField(d.reg()); d.rm(s); lockMaybe(d, lockable); d.icedCode = name + "_rm" + b(s) + "_r" + b(s); }
            case 2 -> { d.opcode(op * 8 + 2); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(1); d.icedCode = name + "_r8_rm8"; }
            case 3 -> { int s = d.vsize(); d.opcode(op * 8 + 3); d.regField(d.reg()); d.rm(s); d.icedCode = name + "_r" + b(s) + "_rm" + b(s); }
            case 4 -> { d.opcode(op * 8 + 4); imm(d, 1); d.icedCode = name + "_AL_imm8"; }
            case 5 -> {
                int s = d.vsize();
                d.opcode(op * 8 + 5);
                imm(d, Math.min(s, 4));
                d.icedCode = name + "_" + acc(s) + "_imm" + b(Math.min(s, 4));
            }
            case 6 -> { d.opcode(0x80); d.digit(op); d.maybeEmptyRex(); d.rm(1); imm(d, 1); lockMaybe(d, lockable); d.icedCode = name + "_rm8_imm8"; }
            case 7 -> {
                int s = d.vsize();
                d.opcode(0x81); d.digit(op); d.rm(s); imm(d, Math.min(s, 4)); lockMaybe(d, lockable);
                d.icedCode = name + "_rm" + b(s) + "_imm" + b(Math.min(s, 4));
            }
            default -> { int s = d.vsize(); d.opcode(0x83); d.digit(op); d.rm(s); imm(d, 1); lockMaybe(d, lockable); d.icedCode = name + "_rm" + b(s) + "_imm8"; }
        }
    }

    private void test(Draft d) {
        switch (rnd.nextInt(5)) {
            case 0 -> { d.opcode(0x84); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(1); d.icedCode = "Test_rm8_r8"; }
            case 1 -> { int s = d.vsize(); d.opcode(0x85); d.regField(d.reg()); d.rm(s); d.icedCode = "Test_rm" + b(s) + "_r" + b(s); }
            case 2 -> { d.opcode(0xA8); imm(d, 1); d.icedCode = "Test_AL_imm8"; }
            case 3 -> { int s = d.vsize(); d.opcode(0xA9); imm(d, Math.min(s, 4)); d.icedCode = "Test_" + acc(s) + "_imm" + b(Math.min(s, 4)); }
            default -> {
                boolean byteForm = rnd.nextBoolean();
                int s = byteForm ? 1 : d.vsize();
                int digit = rnd.nextInt(2); // /1 is an undocumented alias the CPU runs as test
                d.opcode(byteForm ? 0xF6 : 0xF7); d.digit(digit); d.maybeEmptyRex(); d.rm(s); imm(d, Math.min(s, 4));
                d.icedCode = "Test_rm" + b(s) + "_imm" + b(Math.min(s, 4)) + (digit == 1 ? (byteForm ? "_F6r1" : "_F7r1") : "");
            }
        }
    }

    private void unary(Draft d) {
        int digit = 2 + rnd.nextInt(6);
        boolean byteForm = rnd.nextInt(4) == 0;
        int s = byteForm ? 1 : d.vsize();
        d.opcode(byteForm ? 0xF6 : 0xF7);
        d.digit(digit);
        d.maybeEmptyRex();
        d.rm(s, Draft.RAX, Draft.RDX);
        if (digit >= 6) dividend(d, s, digit == 7);
        lockMaybe(d, digit <= 3);
        d.icedCode = UNARY[digit] + "_rm" + b(s);
    }

    /** rDX:rAX for a division: often a dividend whose quotient fits, sometimes anything. */
    private void dividend(Draft d, int s, boolean signed) {
        if (rnd.nextInt(3) == 0) return;
        long ax = d.regs[Draft.RAX];
        if (s == 1) return; // AX is the dividend; random is fine
        long high = signed ? (ax << (64 - s * 8) >> 63) : 0;
        d.regs[Draft.RDX] = (d.regs[Draft.RDX] & ~((s == 8 ? -1L : (1L << (s * 8)) - 1))) | (high & (s == 8 ? -1L : (1L << (s * 8)) - 1));
    }

    private void incDec(Draft d) {
        int digit = rnd.nextInt(2);
        boolean byteForm = rnd.nextInt(4) == 0;
        int s = byteForm ? 1 : d.vsize();
        d.opcode(byteForm ? 0xFE : 0xFF);
        d.digit(digit);
        d.maybeEmptyRex();
        d.rm(s);
        lockMaybe(d, true);
        d.icedCode = (digit == 0 ? "Inc" : "Dec") + "_rm" + b(s);
    }

    private void imul(Draft d) {
        int s = d.vsize();
        d.regField(d.reg());
        switch (rnd.nextInt(3)) {
            case 0 -> { d.opcode(0x0F, 0xAF); d.rm(s); d.icedCode = "Imul_r" + b(s) + "_rm" + b(s); }
            case 1 -> { d.opcode(0x6B); d.rm(s); imm(d, 1); d.icedCode = "Imul_r" + b(s) + "_rm" + b(s) + "_imm8"; }
            default -> { d.opcode(0x69); d.rm(s); imm(d, Math.min(s, 4)); d.icedCode = "Imul_r" + b(s) + "_rm" + b(s) + "_imm" + b(Math.min(s, 4)); }
        }
    }

    private void shift(Draft d) {
        int digit = SHIFT_DIGITS[rnd.nextInt(SHIFT_DIGITS.length)];
        boolean byteForm = rnd.nextInt(4) == 0;
        int s = byteForm ? 1 : d.vsize();
        int form = rnd.nextInt(3);
        d.opcode((form == 0 ? 0xC0 : form == 1 ? 0xD0 : 0xD2) + (byteForm ? 0 : 1));
        d.digit(digit);
        d.maybeEmptyRex();
        d.rm(s);
        String name = SHIFT[digit] + "_rm" + b(s);
        if (form == 0) {
            int count = switch (rnd.nextInt(4)) {
                case 0 -> rnd.nextInt(256);
                case 1 -> new int[] {0, 1, 8, 16, 32, 63, 64, 31, 7, 15}[rnd.nextInt(10)];
                default -> rnd.nextInt(s * 8 + 2);
            };
            d.imm(count, 1);
            int masked = count & (s == 8 ? 63 : 31);
            d.countClass = Math.min(masked, 2);
            d.icedCode = name + "_imm8";
        } else if (form == 1) {
            d.icedCode = name + "_1";
        } else {
            if (!d.isPinned(Draft.RCX) && rnd.nextBoolean()) d.regs[Draft.RCX] = (d.regs[Draft.RCX] & ~0xFFL) | rnd.nextInt(s * 8 + 2);
            d.icedCode = name + "_CL";
        }
    }

    private void bitTest(Draft d) {
        int op = rnd.nextInt(4);
        int s = d.vsize();
        if (rnd.nextBoolean()) {
            d.opcode(0x0F, 0xBA);
            d.digit(4 + op);
            d.rm(s);
            d.imm(rnd.nextInt(256), 1);
            d.icedCode = BT[op] + "_rm" + b(s) + "_imm8";
        } else {
            d.opcode(0x0F, new int[] {0xA3, 0xAB, 0xB3, 0xBB}[op]);
            int offsetReg = d.reg();
            d.regField(offsetReg);
            if (rnd.nextBoolean()) {
                d.rmReg(d.reg());
            } else {
                // a register bit offset reaches beyond the operand: keep it within the window
                d.rmMemAt(OracleCase.DATA_WINDOW + 48 + rnd.nextInt(24), offsetReg);
                d.pin(offsetReg, (d.regs[offsetReg] & ~((s == 8 ? -1L : (1L << (s * 8)) - 1))) | (rnd.nextInt(-300, 300) & (s == 8 ? -1L : (1L << (s * 8)) - 1)));
            }
            d.icedCode = BT[op] + "_rm" + b(s) + "_r" + b(s);
        }
        lockMaybe(d, op != 0);
    }

    private void mov(Draft d) {
        switch (rnd.nextInt(8)) {
            case 0 -> { d.opcode(0x88); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(1); d.icedCode = "Mov_rm8_r8"; }
            case 1 -> { int s = d.vsize(); d.opcode(0x89); d.regField(d.reg()); d.rm(s); d.icedCode = "Mov_rm" + b(s) + "_r" + b(s); }
            case 2 -> { d.opcode(0x8A); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(1); d.icedCode = "Mov_r8_rm8"; }
            case 3 -> { int s = d.vsize(); d.opcode(0x8B); d.regField(d.reg()); d.rm(s); d.icedCode = "Mov_r" + b(s) + "_rm" + b(s); }
            case 4 -> {
                int r = d.reg();
                if (rnd.nextBoolean()) {
                    d.maybeEmptyRex();
                    d.opcode(0xB0 + (r & 7)); d.opcodeRegister(r); imm(d, 1); d.icedCode = "Mov_r8_imm8";
                } else {
                    int s = d.vsize();
                    d.opcode(0xB8 + (r & 7)); d.opcodeRegister(r); imm(d, s); d.icedCode = "Mov_r" + b(s) + "_imm" + b(s);
                }
            }
            case 5 -> { d.opcode(0xC6); d.digit(0); d.maybeEmptyRex(); d.rm(1); imm(d, 1); d.icedCode = "Mov_rm8_imm8"; }
            case 6 -> { int s = d.vsize(); d.opcode(0xC7); d.digit(0); d.rm(s); imm(d, Math.min(s, 4)); d.icedCode = "Mov_rm" + b(s) + "_imm" + b(Math.min(s, 4)); }
            default -> moffs(d);
        }
    }

    /** mov A0..A3 with a 64-bit absolute address (or 32-bit with 67). */
    private void moffs(Draft d) {
        boolean byteForm = rnd.nextBoolean(), load = rnd.nextBoolean();
        int s = byteForm ? 1 : d.vsize();
        long target = OracleCase.DATA_WINDOW + rnd.nextInt(OracleCase.WINDOW - s + 1);
        boolean gs = rnd.nextInt(5) == 0;
        if (gs) { d.prefix(0x65); target -= OracleCase.GS_BASE; }
        boolean addr32 = rnd.nextInt(4) == 0;
        if (addr32) d.prefix(0x67);
        d.opcode((load ? 0xA0 : 0xA2) + (byteForm ? 0 : 1));
        d.imm(target, addr32 ? 4 : 8);
        String moffs = "moffs" + b(s);
        d.icedCode = load ? "Mov_" + acc(s) + "_" + moffs : "Mov_" + moffs + "_" + acc(s);
    }

    private void extend(Draft d) {
        int s = d.vsize();
        d.regField(d.reg());
        switch (rnd.nextInt(5)) {
            case 0 -> { d.opcode(0x0F, 0xB6); d.maybeEmptyRex(); d.rm(1); d.icedCode = "Movzx_r" + b(s) + "_rm8"; }
            case 1 -> { d.opcode(0x0F, 0xB7); d.rm(2); d.icedCode = "Movzx_r" + b(s) + "_rm16"; }
            case 2 -> { d.opcode(0x0F, 0xBE); d.maybeEmptyRex(); d.rm(1); d.icedCode = "Movsx_r" + b(s) + "_rm8"; }
            case 3 -> { d.opcode(0x0F, 0xBF); d.rm(2); d.icedCode = "Movsx_r" + b(s) + "_rm16"; }
            default -> {
                d.opcode(0x63);
                int src = s == 8 ? 4 : s;
                d.rm(src);
                d.icedCode = "Movsxd_r" + b(s) + "_rm" + b(src);
            }
        }
    }

    private void lea(Draft d) {
        int s = d.vsize();
        d.opcode(0x8D);
        d.regField(d.reg());
        d.rmMem(1);
        for (int i = 0; i < 16; i++) if (d.isPinned(i) && rnd.nextInt(3) == 0) d.regs[i] = rnd.nextLong(); // lea reads nothing
        d.icedCode = "Lea_r" + b(s) + "_m";
    }

    private void exchange(Draft d) {
        switch (rnd.nextInt(4)) {
            case 0 -> { // xchg
                boolean byteForm = rnd.nextInt(3) == 0;
                int s = byteForm ? 1 : d.vsize();
                d.opcode(byteForm ? 0x86 : 0x87); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(s);
                lockMaybe(d, true);
                d.icedCode = "Xchg_rm" + b(s) + "_r" + b(s);
            }
            case 1 -> { // xchg rAX, r (90+r; 90 itself only with REX.B)
                int s = d.vsize();
                int r = 1 + rnd.nextInt(15);
                d.opcode(0x90 + (r & 7));
                d.opcodeRegister(r);
                d.icedCode = "Xchg_r" + b(s) + "_" + acc(s);
            }
            case 2 -> { // cmpxchg
                boolean byteForm = rnd.nextInt(3) == 0;
                int s = byteForm ? 1 : d.vsize();
                d.opcode(0x0F, byteForm ? 0xB0 : 0xB1); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(s, Draft.RAX);
                if (rnd.nextBoolean()) d.equalAccumulator = s; // make the comparison succeed
                lockMaybe(d, true);
                d.icedCode = "Cmpxchg_rm" + b(s) + "_r" + b(s);
            }
            default -> { // xadd
                boolean byteForm = rnd.nextInt(3) == 0;
                int s = byteForm ? 1 : d.vsize();
                d.opcode(0x0F, byteForm ? 0xC0 : 0xC1); d.regField(d.reg()); d.maybeEmptyRex(); d.rm(s);
                lockMaybe(d, true);
                d.icedCode = "Xadd_rm" + b(s) + "_r" + b(s);
            }
        }
    }

    private void convert(Draft d) {
        int s = d.vsize();
        boolean widen = rnd.nextBoolean();
        d.opcode(widen ? 0x98 : 0x99);
        d.icedCode = widen ? (s == 2 ? "Cbw" : s == 4 ? "Cwde" : "Cdqe") : (s == 2 ? "Cwd" : s == 4 ? "Cdq" : "Cqo");
    }

    private void conditional(Draft d) {
        int cc = rnd.nextInt(16);
        if (rnd.nextBoolean()) {
            d.opcode(0x0F, 0x90 + cc);
            d.digit(rnd.nextInt(8)); // ModRM.reg is ignored
            d.maybeEmptyRex();
            d.rm(1);
            d.icedCode = "Set" + CC[cc] + "_rm8";
        } else {
            int s = d.vsize();
            d.opcode(0x0F, 0x40 + cc);
            d.regField(d.reg());
            d.rm(s);
            d.icedCode = "Cmov" + CC[cc] + "_r" + b(s) + "_rm" + b(s);
        }
    }

    private void stack(Draft d) {
        d.pin(Draft.RSP, d.regs[Draft.RSP]);
        boolean word = rnd.nextInt(5) == 0;
        String w = word ? "16" : "64";
        if (word) d.prefix(0x66);
        switch (rnd.nextInt(8)) {
            case 0 -> { int r = d.reg(); d.opcode(0x50 + (r & 7)); d.opcodeRegister(r); d.icedCode = "Push_r" + w; }
            case 1 -> { int r = d.reg(); d.opcode(0x58 + (r & 7)); d.opcodeRegister(r); d.icedCode = "Pop_r" + w; }
            case 2 -> { d.opcode(0x6A); imm(d, 1); d.icedCode = word ? "Pushw_imm8" : "Pushq_imm8"; }
            case 3 -> { d.opcode(0x68); imm(d, word ? 2 : 4); d.icedCode = word ? "Push_imm16" : "Pushq_imm32"; }
            case 4 -> { d.opcode(0xFF); d.digit(6); d.rm(word ? 2 : 8, Draft.RSP); d.icedCode = "Push_rm" + w; }
            case 5 -> { d.opcode(0x8F); d.digit(0); d.rm(word ? 2 : 8, Draft.RSP); d.icedCode = "Pop_rm" + w; }
            case 6 -> { d.opcode(0x9C); d.icedCode = word ? "Pushfw" : "Pushfq"; }
            default -> {
                d.opcode(0x9D);
                // an image the user-mode CPU takes whole: status flags, DF, IF and the fixed bit
                long image = (d.value(8) & 0xCD5L) | 0x202;
                d.topOfStack = image;
                d.icedCode = word ? "Popfw" : "Popfq";
            }
        }
    }

    private void string(Draft d) {
        boolean movs = rnd.nextBoolean();
        boolean byteForm = rnd.nextInt(3) == 0;
        int s = byteForm ? 1 : d.vsize();
        boolean rep = rnd.nextInt(3) != 0;
        boolean addr32 = rnd.nextInt(5) == 0;
        if (rep) d.prefix(rnd.nextInt(5) == 0 ? 0xF2 : 0xF3);
        if (addr32) d.prefix(0x67);
        long count = rep ? rnd.nextInt(0, 9) : 1;
        boolean down = (d.rflags & 0x400) != 0;
        long span = count * s;
        // destination in the data window; now and then running off its end into the unmapped page
        long di = down ? OracleCase.DATA_WINDOW + span + rnd.nextInt(0, 8) : OracleCase.DATA_WINDOW + rnd.nextInt(0, 40);
        if (!down && rnd.nextInt(10) == 0) di = OracleCase.DATA_VA + 4096 - rnd.nextInt(1, 3) * s;
        long si = down ? OracleCase.STACK_WINDOW + span + rnd.nextInt(0, 8) : OracleCase.STACK_WINDOW + rnd.nextInt(0, 40);
        long mask = addr32 ? 0xFFFF_FFFFL : -1L;
        if (rep) d.pin(Draft.RCX, addr32 ? (d.regs[Draft.RCX] & ~mask) | count : count);
        if (movs && rnd.nextInt(5) == 0) { d.prefix(0x65); si -= OracleCase.GS_BASE; }
        d.pin(Draft.RDI, addr32 ? (d.regs[Draft.RDI] & ~mask) | di : di);
        if (movs) d.pin(Draft.RSI, addr32 ? (d.regs[Draft.RSI] & ~mask) | si : si);
        d.opcode((movs ? 0xA4 : 0xAA) + (byteForm ? 0 : 1));
        String sfx = switch (s) { case 1 -> "b"; case 2 -> "w"; case 4 -> "d"; default -> "q"; };
        d.icedCode = movs ? "Movs" + sfx + "_m" + b(s) + "_m" + b(s) : "Stos" + sfx + "_m" + b(s) + "_" + acc(s);
    }

    private void branch(Draft d) {
        d.pin(Draft.RSP, d.regs[Draft.RSP]);
        if (rnd.nextInt(3) == 0) { sizedBranch(d); return; }
        switch (rnd.nextInt(3)) {
            case 0 -> { d.opcode(0xE8); d.imm(0, 4); d.icedCode = "Call_rel32_64"; } // call the next instruction
            case 1 -> { d.opcode(0xC3); d.returnToNext = true; d.icedCode = "Retnq"; }
            default -> { d.opcode(0xC2); d.imm(rnd.nextInt(0, 48), 2); d.returnToNext = true; d.icedCode = "Retnq_imm16"; }
        }
    }

    /**
     * Near branches with a 66 prefix (now and then with REX.W, which wins), where the vendors
     * part: Intel ignores 66, AMD branches at 16 bits, truncating RIP (a fetch fault at a low
     * address) and pushing or popping a word. The rel8, ret and indirect forms target the next
     * instruction at 64 bits. The rel32 forms carry the displacement 0x00EB0000: to Intel a jump far past the code (a
     * fetch fault), to AMD a rel16 of 0 followed by "jmp .+0", so that a jcc not taken lands
     * on the end of the code on both.
     */
    private void sizedBranch(Draft d) {
        d.prefix(0x66);
        if (rnd.nextInt(6) == 0) d.w();
        int cc = rnd.nextInt(16);
        String jcc = "J" + CC[cc];
        switch (rnd.nextInt(7)) {
            case 0 -> { d.opcode(0xE8); d.imm(0x00EB_0000L, 4); d.icedCode = "Call_rel32_64"; }
            case 1 -> { d.opcode(0xE9); d.imm(0x00EB_0000L, 4); d.icedCode = "Jmp_rel32_64"; }
            case 2 -> { d.opcode(0x0F, 0x80 + cc); d.imm(0x00EB_0000L, 4); d.icedCode = jcc + "_rel32_64"; }
            case 3 -> { d.opcode(0xEB); d.imm(0, 1); d.icedCode = "Jmp_rel8_64"; }
            case 4 -> { d.opcode(0x70 + cc); d.imm(0, 1); d.icedCode = jcc + "_rel8_64"; }
            case 5 -> {
                boolean imm = rnd.nextBoolean();
                d.opcode(imm ? 0xC2 : 0xC3);
                if (imm) d.imm(rnd.nextInt(0, 48), 2);
                d.returnToNext = true;
                d.icedCode = imm ? "Retnq_imm16" : "Retnq";
            }
            default -> {
                boolean call = rnd.nextBoolean();
                int r = d.reg(Draft.RSP);
                d.opcode(0xFF);
                d.digit(call ? 2 : 4);
                d.rmReg(r);
                d.nextInRegister = r;
                d.icedCode = call ? "Call_rm64" : "Jmp_rm64";
            }
        }
    }

    private void nop(Draft d) {
        switch (rnd.nextInt(8)) {
            case 6 -> { // F3 REX.B 90: pause on Intel, xchg r8, rax on AMD
                d.prefix(0xF3);
                if (rnd.nextBoolean()) d.w();
                d.opcode(0x90);
                d.opcodeRegister(8);
                d.icedCode = "Pause";
            }
            case 7 -> { d.prefix(0xF3); d.opcode(0x0F, 0x1E, 0xFA); d.rexAnyway(); d.icedCode = "Endbr64"; } // f3 <REX> 0f 1e fa
            case 0 -> { d.opcode(0x90); d.icedCode = "Nopd"; }
            case 1 -> { int s = d.vsize(); d.opcode(0x0F, 0x1F); d.digit(0); d.rm(s); d.icedCode = "Nop_rm" + b(s); }
            case 2 -> { d.prefix(0xF3); d.opcode(0x90); d.icedCode = "Pause"; }
            case 3 -> { d.prefix(0xF3); d.opcode(0x0F, 0x1E, 0xFA); d.icedCode = "Endbr64"; }
            case 4 -> { d.opcode(0x0F, 0xAE, 0xE8); d.icedCode = "Lfence"; }
            default -> { d.opcode(0x0F, 0xAE, rnd.nextBoolean() ? 0xF0 : 0xF8); d.icedCode = "Mfence"; }
        }
    }

    /** lock on a register destination or on an instruction that is not a read-modify-write: #UD. */
    private void badLock(Draft d) {
        d.prefix(0xF0);
        if (rnd.nextBoolean()) {
            int op = rnd.nextInt(7);
            d.opcode(op * 8 + 1); d.regField(d.reg()); d.rmReg(d.reg());
            d.icedCode = ALU[op] + "_rm32_r32";
        } else {
            d.opcode(0x89); d.regField(d.reg()); d.rmMem(4);
            d.icedCode = "Mov_rm32_r32";
        }
    }
}
