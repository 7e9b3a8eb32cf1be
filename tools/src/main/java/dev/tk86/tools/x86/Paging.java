package dev.tk86.tools.x86;

/** How the snippet runner sets up address translation. */
public enum Paging {
    /**
     * 4-level paging on (CR0.PG|WP, CR4.PAE|PGE, EFER.LME|LMA|NXE) with an identity map of RAM
     * except the null page: see {@link SnippetLayout}.
     */
    IDENTITY,
    /**
     * A tk86 convenience, not an architectural mode: CR0.PG = 0 (so addresses are physical and
     * nothing faults on translation) while instructions keep their 64-bit semantics.
     */
    OFF;

    public static Paging parse(String s, String field) {
        return switch (s) {
            case "identity" -> IDENTITY;
            case "off" -> OFF;
            default -> throw new dev.tk86.tools.BadInputException(field + ": '" + s + "' is not a paging mode (identity or off)");
        };
    }

    public String label() { return name().toLowerCase(); }
}
