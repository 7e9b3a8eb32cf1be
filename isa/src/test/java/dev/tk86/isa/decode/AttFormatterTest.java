package dev.tk86.isa.decode;

import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The AT&T spelling rules of Capstone 4.0.2 that tk86's formatter reproduces (the differential
 * test holds the formatter to Capstone on every form; these name the rules).
 */
class AttFormatterTest {

    private static String att(String hex, long address) {
        byte[] b = HexFormat.of().parseHex(hex.replace(" ", ""));
        return AttFormatter.format(Decoder.decode(ByteSource.of(b, 0, b.length), address), address);
    }

    private static String att(String hex) { return att(hex, 0x1000); }

    @Test
    void mnemonicAndOperandsSplitForTheCommandLineWithPrefixWordsInTheMnemonic() {
        byte[] b = {(byte) 0xf3, 0x48, (byte) 0xab};
        AttFormatter.Text t = AttFormatter.split(Decoder.decode(ByteSource.of(b, 0, 3), 0), 0);
        assertEquals(new AttFormatter.Text("rep stosq", "%rax, (%rdi)"), t);
        assertEquals("rep stosq %rax, (%rdi)", t.toString());
        assertEquals("hlt", att("f4"));
    }

    @Test
    void operandsComeInReverseIntelOrderWithSizeSuffixes() {
        assertEquals("movq 0x10(%rax, %rcx, 4), %rdx", att("48 8b 54 88 10"));
        assertEquals("imull $0x10, %ecx, %eax", att("6b c1 10"));
        assertEquals("outb %al, %dx", att("ee"));
        assertEquals("movzbl %ah, %eax", att("0f b6 c4"));
    }

    @Test
    void numbersUpToNineAreDecimalAndLargerOnesHex() {
        assertEquals("movl $9, %eax", att("b8 09 00 00 00"));
        assertEquals("movl $0xa, %eax", att("b8 0a 00 00 00"));
        assertEquals("movq 8(%rsp), %rax", att("48 8b 44 24 08"));
        assertEquals("addq $-9, %rax", att("48 83 c0 f7"));
        assertEquals("addq $-0xa, %rax", att("48 83 c0 f6"));
    }

    @Test
    void fullWidthImmediatesAreUnsignedAndSignExtendedOnesSigned() {
        assertEquals("movl $0xffffffff, %eax", att("b8 ff ff ff ff"));
        assertEquals("addl $-1, %eax", att("83 c0 ff"));
        assertEquals("addq $-1, %rax", att("48 05 ff ff ff ff"));
        assertEquals("andq $0xfffffffffffffff0, %rsp", att("48 83 e4 f0"), "and/or/xor are always unsigned");
        assertEquals("movabsq $0x5, %rax", att("48 b8 05 00 00 00 00 00 00 00"), "movabs is always hex");
    }

    @Test
    void memoryOperandsWithoutABaseAndAbsoluteAddresses() {
        assertEquals("movq (, %r12, 8), %rax", att("4a 8b 04 e5 00 00 00 00"));
        assertEquals("movq 0xfffffffffffffff0, %rax", att("48 8b 04 25 f0 ff ff ff"), "an address is unsigned");
        assertEquals("movq -0x10(%rip), %rax", att("48 8b 05 f0 ff ff ff"), "rip-relative stays relative");
        assertEquals("movq %gs:0x28, %rax", att("65 48 8b 04 25 28 00 00 00"));
        assertEquals("movabsq 0x1122334455667788, %rax", att("48 a1 88 77 66 55 44 33 22 11"));
        assertEquals("movl 0xffffffff, %eax", att("67 a1 ff ff ff ff"));
    }

    @Test
    void branchTargetsAreAbsoluteAndUnsigned() {
        assertEquals("jmp 0x1000", att("eb fe"));
        assertEquals("jmp 0xfffffffffffffff8", att("eb f6", 0));
        assertEquals("callq 0xffffffff80000005", att("e8 00 00 00 80", 0));
        assertEquals("jmpq *%rax", att("ff e0"));
        assertEquals("callq *0x10(%rax)", att("ff 50 10"));
        assertEquals("bnd jne 0x1003", att("f2 75 00"));
    }

    @Test
    void capstoneQuirksAreReproduced() {
        assertEquals("rol $1, %eax", att("d1 c0"), "no suffix on the 32-bit register rotate by one");
        assertEquals("roll $1, (%rax)", att("d1 00"));
        assertEquals("movzwl %ax, %ax", att("66 0f b7 c0"));
        assertEquals("movq %es, (%rax)", att("48 8c 00"), "REX.W shows although the store is 16 bits");
        assertEquals("nopl (%rax)", att("48 0f 1f 00"));
        assertEquals("nopw %cs:(%rax, %rax)", att("66 2e 0f 1f 84 00 00 00 00 00"));
    }

    @Test
    void prefixWords() {
        assertEquals("lock cmpxchgq %rcx, (%rdi)", att("f0 48 0f b1 0f"));
        assertEquals("xacquire lock addl %eax, (%rax)", att("f2 f0 01 00"));
        assertEquals("xrelease xchgb %al, (%rax)", att("f3 86 00"));
        assertEquals("rep movsb %fs:(%rsi), (%rdi)", att("f3 64 a4"));
        assertEquals("addl %eax, (%rax)", att("f3 01 00"), "a rep on anything but a string instruction is not shown");
        assertEquals("je 0x1007", att("f2 0f 84 00 00 00 00"), "no bnd on jcc rel32");
    }

    @Test
    void conversionsAndSystemInstructionsUseGnuNames() {
        assertEquals("cltq", att("48 98"));
        assertEquals("cqto", att("48 99"));
        assertEquals("cbtw", att("66 98"));
        assertEquals("pushfq", att("9c"));
        assertEquals("iretq", att("48 cf"));
        assertEquals("lgdtq (%rax)", att("0f 01 10"));
        assertEquals("movq %rax, %cr3", att("0f 22 d8"));
        assertEquals("int $0x80", att("cd 80"));
        assertEquals("sete %al", att("0f 94 c0"));
    }
}
