package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import java.nio.charset.StandardCharsets;

/**
 * cpuid with a fixed, documented answer (SDM Vol. 2A, CPUID). Every processor of a machine
 * answers the same except for its APIC ID. Results are 32-bit and zero-extended into RAX,
 * RBX, RCX, RDX.
 * <table>
 *   <caption>CPUID leaves</caption>
 *   <tr><th>EAX in</th><th>EAX</th><th>EBX</th><th>ECX</th><th>EDX</th></tr>
 *   <tr><td>0</td><td>7 (highest basic leaf)</td><td colspan="3">vendor "tk86tk86tk86" (EBX, EDX, ECX)</td></tr>
 *   <tr><td>1</td><td>0x000006F1: family 6, model 15, stepping 1</td>
 *       <td>APIC ID &lt;&lt; 24 | CPU count &lt;&lt; 16 | 8 &lt;&lt; 8 (64-byte lines)</td>
 *       <td>bit 21 x2APIC</td><td>bits 3 PSE, 4 TSC, 5 MSR, 6 PAE, 9 APIC, 13 PGE, 15 CMOV</td></tr>
 *   <tr><td>2..7 (any ECX)</td><td colspan="4">0: no caches, topology or extended features described</td></tr>
 *   <tr><td>0x80000000</td><td>0x80000008 (highest extended leaf)</td><td>0</td><td>0</td><td>0</td></tr>
 *   <tr><td>0x80000001</td><td>0</td><td>0</td><td>0</td><td>bits 20 NX, 26 1-GiB pages, 29 long mode</td></tr>
 *   <tr><td>0x80000002..4</td><td colspan="4">brand string "tk86 x86-64 subset CPU", NUL-padded</td></tr>
 *   <tr><td>0x80000005..7</td><td colspan="4">0</td></tr>
 *   <tr><td>0x80000008</td><td>0x3028: 48 linear, 40 physical address bits</td><td>0</td><td>0</td><td>0</td></tr>
 *   <tr><td>anything else</td><td colspan="4">as Intel does for leaves past the highest: the highest basic
 *       leaf's answer (leaf 7), which is all zeros</td></tr>
 * </table>
 * SSE, x87, syscall, FSGSBASE and the other features outside the subset are not advertised.
 */
final class CpuidLeaves {
    private CpuidLeaves() { }

    static final int MAX_BASIC = 7, MAX_EXTENDED = 0x8000_0008;
    static final int FAMILY_MODEL_STEPPING = 0x0000_06F1;
    static final int LEAF1_ECX = 1 << 21;
    static final int LEAF1_EDX = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 9) | (1 << 13) | (1 << 15);
    static final int EXT1_EDX = (1 << 20) | (1 << 26) | (1 << 29);
    static final int ADDRESS_SIZES = (48 << 8) | 40;
    private static final int[] VENDOR = words("tk86tk86tk86", 12);
    private static final int[] BRAND = words("tk86 x86-64 subset CPU", 48);

    static Op bind(Insn insn) { return new Cpuid(insn.length()); }

    private static int[] words(String s, int bytes) {
        byte[] b = java.util.Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), bytes);
        int[] w = new int[bytes / 4];
        for (int i = 0; i < b.length; i++) w[i / 4] |= (b[i] & 0xFF) << (8 * (i % 4));
        return w;
    }

    static final class Cpuid extends Op {
        Cpuid(int length) { super(length); }

        @Override public void exec(Cpu c) {
            int leaf = (int) c.r[Reg.RAX];
            boolean known = Integer.compareUnsigned(leaf, MAX_BASIC) <= 0
                    || (Integer.compareUnsigned(leaf, 0x8000_0000) >= 0 && Integer.compareUnsigned(leaf, MAX_EXTENDED) <= 0);
            if (!known) leaf = MAX_BASIC;
            int a = 0, b = 0, cx = 0, d = 0;
            switch (leaf) {
                case 0 -> { a = MAX_BASIC; b = VENDOR[0]; d = VENDOR[1]; cx = VENDOR[2]; }
                case 1 -> {
                    a = FAMILY_MODEL_STEPPING;
                    b = ((c.id & 0xFF) << 24) | ((c.machine.cpus().size() & 0xFF) << 16) | (8 << 8);
                    cx = LEAF1_ECX;
                    d = LEAF1_EDX;
                }
                case 0x8000_0000 -> a = MAX_EXTENDED;
                case 0x8000_0001 -> d = EXT1_EDX;
                case 0x8000_0002, 0x8000_0003, 0x8000_0004 -> {
                    int k = (leaf - 0x8000_0002) * 4;
                    a = BRAND[k]; b = BRAND[k + 1]; cx = BRAND[k + 2]; d = BRAND[k + 3];
                }
                case 0x8000_0008 -> a = ADDRESS_SIZES;
                default -> { }
            }
            c.r[Reg.RAX] = a & 0xFFFF_FFFFL;
            c.r[Reg.RBX] = b & 0xFFFF_FFFFL;
            c.r[Reg.RCX] = cx & 0xFFFF_FFFFL;
            c.r[Reg.RDX] = d & 0xFFFF_FFFFL;
        }
    }
}
