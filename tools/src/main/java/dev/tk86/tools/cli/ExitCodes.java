package dev.tk86.tools.cli;

/** The exit statuses of every tk86 command (listed in {@code tk86 --help}). */
public final class ExitCodes {
    private ExitCodes() { }

    /** the command did what was asked; a snippet ran to the end of its code (or halted) */
    public static final int OK = 0;
    /** the guest raised an exception (a snippet's result says which), or bytes did not decode */
    public static final int GUEST_EXCEPTION = 1;
    /** bad input: malformed hex or JSON, unknown register, bad address, missing option */
    public static final int BAD_INPUT = 2;
    /** the step budget (--max-steps) ran out: a runaway loop */
    public static final int STEP_LIMIT = 3;
    /** a tool or check outside the guest failed: gcc missing, a benchmark checksum mismatch */
    public static final int FAILURE = 4;
    /** a bug in tk86 itself */
    public static final int INTERNAL = 70;

    /** The list shown under "Exit status" in every command's help. */
    static java.util.Map<String, String> help() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        m.put(" " + OK, "the command did what was asked; a snippet ran to its end (or halted)");
        m.put(" " + GUEST_EXCEPTION, "a snippet ended in a guest exception; bytes outside the subset (decode)");
        m.put(" " + BAD_INPUT, "bad input: malformed hex or JSON, unknown register, bad address, missing option");
        m.put(" " + STEP_LIMIT, "the step limit (--max-steps) was reached");
        m.put(" " + FAILURE, "a host tool or check failed (gcc missing, benchmark checksum mismatch)");
        m.put(INTERNAL + "", "internal error in tk86");
        return m;
    }
}
