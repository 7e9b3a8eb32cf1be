package dev.tk86.tools.x86;

import dev.tk86.isa.cpu.Reg;
import dev.tk86.isa.cpu.Rflags;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonIntegers;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import java.util.Arrays;
import java.util.Map;

/**
 * The registers a snippet starts with: rax..r15 (indexed by {@link Reg}) and RFLAGS. Unnamed
 * registers are 0, except RSP = {@link SnippetLayout#STACK_TOP} and RFLAGS = 0x2 (only the
 * always-one bit; interrupts off).
 */
public record InitialRegs(long[] gprs, long rflags) {
    public static final long DEFAULT_RFLAGS = Rflags.FIXED1;

    public InitialRegs {
        if (gprs.length != 16) throw new IllegalArgumentException("16 GPRs expected");
        gprs = gprs.clone();
    }

    public static InitialRegs defaults() {
        long[] g = new long[16];
        g[Reg.RSP] = SnippetLayout.STACK_TOP;
        return new InitialRegs(g, DEFAULT_RFLAGS);
    }

    public long gpr(int i) { return gprs[i]; }

    /**
     * Applies a JSON object such as {@code {"rax": 1, "rbx": "0xffff800000000000", "rflags": "0x202"}}
     * over these values. {@code field} names the object in error messages.
     */
    public InitialRegs with(JsonValue json, String field) {
        if (!(json instanceof JsonObject o))
            throw new BadInputException(field + ": expected an object of registers such as {\"rax\": 1}, found " + JsonValue.kindOf(json));
        long[] g = gprs.clone();
        long flags = rflags;
        for (Map.Entry<String, JsonValue> e : o.members().entrySet()) {
            String name = e.getKey();
            long v = JsonIntegers.toLong(e.getValue(), field + "." + name);
            int r = Reg.byName(name);
            if (r >= 0) {
                g[r] = v;
            } else if (name.equals("rflags")) {
                flags = v;
            } else if (name.equals("rip")) {
                throw new BadInputException(field + ".rip: RIP is not an input: the code is placed at 0x"
                        + Long.toHexString(SnippetLayout.CODE) + " and starts there");
            } else {
                throw new BadInputException(field + ": unknown register '" + name + "' (known: rax rcx rdx rbx rsp rbp rsi rdi r8..r15 rflags)");
            }
        }
        return new InitialRegs(g, flags);
    }

    @Override public long[] gprs() { return gprs.clone(); }

    @Override public boolean equals(Object o) {
        return o instanceof InitialRegs r && Arrays.equals(gprs, r.gprs) && rflags == r.rflags;
    }

    @Override public int hashCode() { return Arrays.hashCode(gprs) * 31 + Long.hashCode(rflags); }

    @Override public String toString() { return "InitialRegs" + Arrays.toString(gprs) + " rflags=0x" + Long.toHexString(rflags); }
}
