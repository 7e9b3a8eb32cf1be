package dev.tk86.tools.x86;

import dev.tk86.isa.decode.DecodeException;

/** One instruction as a disassembler sees it: decoded text, or why the bytes are not one. */
public sealed interface DecodedText {
    int length();

    /** AT&T text: {@code mnemonic} and {@code operands} as Capstone separates them. */
    record Insn(int length, String mnemonic, String operands) implements DecodedText {
        public String text() { return operands.isEmpty() ? mnemonic : mnemonic + " " + operands; }
    }

    /** The decoder's reason; {@code length} is 0 (nothing was consumed). */
    record Rejected(DecodeException.Kind kind, String message) implements DecodedText {
        @Override public int length() { return 0; }

        /** e.g. "outside the subset: syscall" */
        public String describe() {
            String what = switch (kind) {
                case OUTSIDE_SUBSET -> "outside the subset";
                case UNDEFINED -> "not an instruction";
                case TOO_LONG -> "longer than 15 bytes";
                case TRUNCATED -> "truncated";
            };
            return message == null || message.isEmpty() ? what : what + ": " + message;
        }

        public String kindLabel() { return kind.name().toLowerCase().replace('_', '-'); }
    }
}
