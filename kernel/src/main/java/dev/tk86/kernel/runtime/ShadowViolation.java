package dev.tk86.kernel.runtime;

/**
 * A shadow-memory report: TKL code touched memory that was freed, or freed it twice.
 *
 * @param where     the TKL site (file:line:col in function) or the RIP in hex
 * @param region    the freed range that was hit, as "kind 0xstart-0xend"
 */
public record ShadowViolation(Kind kind, int cpu, long rip, String where, long address, long size, boolean write,
                              String region) {
    public enum Kind { USE_AFTER_FREE, DOUBLE_FREE }

    /** One line, e.g. {@code use-after-free: write of 8 bytes at 0x... (freed uarea 0x...-0x...) on cpu0 at kern/x.tk:4:5 in f}. */
    public String describe() {
        if (kind == Kind.DOUBLE_FREE) {
            return String.format("double free: 0x%x-0x%x overlaps %s, already freed, on cpu%d at %s",
                    address, address + size, region, cpu, where);
        }
        return String.format("use-after-free: %s of %d byte%s at 0x%x (freed %s) on cpu%d at %s",
                write ? "write" : "read", size, size == 1 ? "" : "s", address, region, cpu, where);
    }
}
