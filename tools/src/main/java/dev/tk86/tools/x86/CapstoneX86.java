package dev.tk86.tools.x86;

import capstone.Capstone;
import java.util.Arrays;

/**
 * Capstone 4 (Debian's libcapstone4, through its JNA binding) in 64-bit AT&T mode, as the
 * reference next to tk86's own disassembly. The native library is optional: {@link #open()}
 * says why it is unavailable instead of failing.
 */
public final class CapstoneX86 {
    private final Capstone cs;

    private CapstoneX86(Capstone cs) { this.cs = cs; }

    /** Capstone, or the reason it cannot be used. */
    public record Availability(CapstoneX86 capstone, String whyNot) { }

    public static Availability open() {
        try {
            Capstone cs = new Capstone(Capstone.CS_ARCH_X86, Capstone.CS_MODE_64);
            cs.setSyntax(Capstone.CS_OPT_SYNTAX_ATT);
            return new Availability(new CapstoneX86(cs), null);
        } catch (LinkageError | RuntimeException e) {
            // UnsatisfiedLinkError from JNA when libcapstone is not installed, or the class
            // initialisation error that follows it.
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            return new Availability(null, why);
        }
    }

    /** The instruction at {@code bytes[offset]}, or null where Capstone decodes nothing. */
    public DecodedText.Insn decode(byte[] bytes, int offset, long address) {
        byte[] window = Arrays.copyOfRange(bytes, offset, Math.min(bytes.length, offset + 15));
        Capstone.CsInsn[] insns = cs.disasm(window, address, 1);
        if (insns == null || insns.length == 0) return null;
        Capstone.CsInsn i = insns[0];
        return new DecodedText.Insn(i.size, i.mnemonic, i.opStr == null ? "" : i.opStr);
    }
}
