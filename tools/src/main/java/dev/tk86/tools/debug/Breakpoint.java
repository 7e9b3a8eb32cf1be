package dev.tk86.tools.debug;

/**
 * One breakpoint: where the user asked for it ({@code spec}: a symbol, an address or a TKL
 * file:line), the virtual and physical address of the instruction or site, and an optional
 * condition. {@code internal} ones are the debugger's own (gdb's Z0 packets) and are not listed.
 */
public record Breakpoint(int number, String spec, long address, long physical, Condition condition, boolean internal) {
    public String describe(DebugTarget t) {
        String c = condition == null ? "" : " if " + condition.text();
        return String.format("%d: 0x%016x %s%s", number, address, t.where(address), c);
    }
}
