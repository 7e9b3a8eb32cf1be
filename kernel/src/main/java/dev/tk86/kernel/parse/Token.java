package dev.tk86.kernel.parse;

import dev.tk86.kernel.diag.Pos;
import java.math.BigInteger;

/**
 * One token. {@code intValue} is set for INT (integer and character literals), {@code bytes}
 * for STRING (escapes decoded, no NUL).
 */
public record Token(TokenKind kind, String text, Pos pos, BigInteger intValue, byte[] bytes) {

    /** How a message names this token: {@code 'foo'}, {@code ';'}, {@code end of file}. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string literal";
            default -> "'" + text + "'";
        };
    }
}
