package dev.tk86.kernel.lower;

/** Why a site exists. */
public enum StepKind {
    /** site 0: the prologue (push rbp, set up the frame, store the register arguments) */
    ENTRY,
    /** the start of a statement (or of a loop's condition / a for's step) */
    STATEMENT,
    /** where a call returns to: the rest of the statement after the call */
    RETURN_SITE,
    /** the right operand of && or || when it contains a call */
    CONTINUATION,
    /** where the two paths of such an && or || meet again */
    JOIN,
    /** the closing brace of a function whose end is reachable: an implicit return */
    END
}
