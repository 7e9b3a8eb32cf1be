package dev.tk86.tools.x86;

/** Why a snippet stopped; {@link #label()} is what the JSON result says. */
public enum SnippetEnd {
    /** RIP reached the first byte after the code */
    COMPLETED("completed"),
    /** an instruction raised an exception (reported, not delivered: the runner has no IDT) */
    EXCEPTION("exception"),
    /** hlt, with nothing that could wake the CPU */
    HALTED("halted"),
    /** --max-steps instructions ran without reaching the end: a runaway */
    STEP_LIMIT("step-limit"),
    /** the snippet wrote to the exit port 0x501 */
    POWER_OFF("power-off"),
    /** an exception that could not be reported where it happened (e.g. during an interrupt) */
    TRIPLE_FAULT("triple-fault");

    private final String label;

    SnippetEnd(String label) { this.label = label; }

    public String label() { return label; }
}
