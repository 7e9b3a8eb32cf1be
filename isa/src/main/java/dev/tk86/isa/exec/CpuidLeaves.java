package dev.tk86.isa.exec;

import dev.tk86.isa.cpu.Cpu;
import dev.tk86.isa.cpu.CpuVendor;
import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.decode.Insn;
import java.nio.charset.StandardCharsets;

/**
 * cpuid with a fixed, documented answer (SDM Vol. 2A, CPUID; AMD APM Vol. 3, Appendix E). Every
 * processor of a machine answers the same except for its APIC ID; the identification leaves
 * follow the machine's vendor. Results are 32-bit and zero-extended into RAX, RBX, RCX, RDX.
 * <table>
 *   <caption>CPUID leaves</caption>
 *   <tr><th>EAX in</th><th>EAX</th><th>EBX</th><th>ECX</th><th>EDX</th></tr>
 *   <tr><td>0</td><td>7 (highest basic leaf)</td><td colspan="3">vendor "GenuineIntel" or
 *       "AuthenticAMD" (EBX, EDX, ECX)</td></tr>
 *   <tr><td>1</td><td>Intel 0x000006F1: family 6, model 15, stepping 1;
 *       AMD 0x00000F51: family 0Fh, model 5, stepping 1 (no extended family or model)</td>
 *       <td>APIC ID &lt;&lt; 24 | CPU count &lt;&lt; 16 | 8 &lt;&lt; 8 (64-byte lines)</td>
 *       <td>bit 21 x2APIC</td><td>bits 3 PSE, 4 TSC, 5 MSR, 6 PAE, 9 APIC, 13 PGE, 15 CMOV</td></tr>
 *   <tr><td>2..7 (any ECX)</td><td colspan="4">0: no caches, topology or extended features described</td></tr>
 *   <tr><td>0x80000000</td><td>0x80000008 (highest extended leaf)</td><td>0</td><td>0</td><td>0</td></tr>
 *   <tr><td>0x80000001</td><td>Intel 0; AMD the leaf-1 signature</td><td>0</td><td>0</td>
 *       <td>bits 20 NX, 26 1-GiB pages, 29 long mode; AMD also repeats leaf 1's EDX bits
 *       (APM: bits 0..9, 12..17, 23, 24 mirror Fn0000_0001_EDX)</td></tr>
 *   <tr><td>0x80000002..4</td><td colspan="4">brand string "tk86 x86-64 subset CPU (Intel rules)"
 *       or "... (AMD rules)", NUL-padded</td></tr>
 *   <tr><td>0x80000005..7</td><td colspan="4">0</td></tr>
 *   <tr><td>0x80000008</td><td>0x3028: 48 linear, 40 physical address bits</td><td>0</td><td>0</td><td>0</td></tr>
 *   <tr><td>anything else</td><td colspan="4">Intel answers as for the highest basic leaf (leaf 7,
 *       all zeros, SDM CPUID); AMD answers zeros (APM, CPUID): the same bits either way</td></tr>
 * </table>
 * SSE, x87, syscall, FSGSBASE and the other features outside the subset are not advertised.
 */
final class CpuidLeaves {
    private CpuidLeaves() { }

    static final int MAX_BASIC = 7, MAX_EXTENDED = 0x8000_0008;
    static final int LEAF1_ECX = 1 << 21;
    static final int LEAF1_EDX = (1 << 3) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 9) | (1 << 13) | (1 << 15);
    static final int EXT1_EDX = (1 << 20) | (1 << 26) | (1 << 29);
    /** The leaf-1 EDX bits AMD repeats in leaf 0x80000001 EDX (APM Vol. 3, E.4.2). */
    static final int AMD_MIRRORED = 0x3FF | (0x3F << 12) | (1 << 23) | (1 << 24);
    static final int ADDRESS_SIZES = (48 << 8) | 40;

    /** What one vendor's processors say about themselves. */
    record Identity(int[] vendor, int signature, int ext1Eax, int ext1Edx, int[] brand, boolean unknownIsHighestBasic) {
        static Identity of(CpuVendor v) {
            return v == CpuVendor.AMD
                    ? new Identity(words("AuthenticAMD", 12), 0x0000_0F51, 0x0000_0F51, EXT1_EDX | (LEAF1_EDX & AMD_MIRRORED),
                            words("tk86 x86-64 subset CPU (AMD rules)", 48), false)
                    : new Identity(words("GenuineIntel", 12), 0x0000_06F1, 0, EXT1_EDX,
                            words("tk86 x86-64 subset CPU (Intel rules)", 48), true);
        }
    }

    private static final Identity INTEL = Identity.of(CpuVendor.INTEL), AMD = Identity.of(CpuVendor.AMD);

    static Identity identity(CpuVendor v) { return v == CpuVendor.AMD ? AMD : INTEL; }

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
            Identity id = identity(c.vendor);
            int leaf = (int) c.r[Reg.RAX];
            boolean known = Integer.compareUnsigned(leaf, MAX_BASIC) <= 0
                    || (Integer.compareUnsigned(leaf, 0x8000_0000) >= 0 && Integer.compareUnsigned(leaf, MAX_EXTENDED) <= 0);
            int a = 0, b = 0, cx = 0, d = 0;
            if (!known) leaf = id.unknownIsHighestBasic() ? MAX_BASIC : -1;
            switch (leaf) {
                case 0 -> { a = MAX_BASIC; b = id.vendor()[0]; d = id.vendor()[1]; cx = id.vendor()[2]; }
                case 1 -> {
                    a = id.signature();
                    b = ((c.id & 0xFF) << 24) | ((c.machine.cpus().size() & 0xFF) << 16) | (8 << 8);
                    cx = LEAF1_ECX;
                    d = LEAF1_EDX;
                }
                case 0x8000_0000 -> a = MAX_EXTENDED;
                case 0x8000_0001 -> { a = id.ext1Eax(); d = id.ext1Edx(); }
                case 0x8000_0002, 0x8000_0003, 0x8000_0004 -> {
                    int k = (leaf - 0x8000_0002) * 4;
                    int[] brand = id.brand();
                    a = brand[k]; b = brand[k + 1]; cx = brand[k + 2]; d = brand[k + 3];
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
