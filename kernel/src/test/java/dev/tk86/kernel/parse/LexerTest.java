package dev.tk86.kernel.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.tk86.kernel.diag.Diagnostics;
import dev.tk86.kernel.diag.SourceFile;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lexical structure, docs/tkl.md §3. */
class LexerTest {
    static List<Token> lex(String s) {
        Diagnostics d = new Diagnostics();
        List<Token> t = Lexer.tokenize(new SourceFile("l.tk", s), d);
        assertFalse(d.hasErrors(), d.render());
        return t;
    }

    @Test
    void integerLiteralsInEveryRadixWithSeparators() {
        List<Token> t = lex("4096 0xffff_8000_0000_0000 0o755 0b1010 18446744073709551615 0");
        assertEquals(BigInteger.valueOf(4096), t.get(0).intValue());
        assertEquals(new BigInteger("ffff800000000000", 16), t.get(1).intValue());
        assertEquals(BigInteger.valueOf(0755), t.get(2).intValue());
        assertEquals(BigInteger.TEN, t.get(3).intValue());
        assertEquals(new BigInteger("18446744073709551615"), t.get(4).intValue());
        assertEquals(BigInteger.ZERO, t.get(5).intValue());
        assertEquals(TokenKind.EOF, t.get(6).kind());
    }

    @Test
    void characterAndStringEscapes() {
        List<Token> t = lex("'a' '\\n' '\\x41' '\\0' \"a\\tb\\\"\\\\\\x7f\" \"\u00e9\"");
        assertEquals(BigInteger.valueOf('a'), t.get(0).intValue());
        assertEquals(BigInteger.TEN, t.get(1).intValue());
        assertEquals(BigInteger.valueOf(0x41), t.get(2).intValue());
        assertEquals(BigInteger.ZERO, t.get(3).intValue());
        assertArrayEquals(new byte[] {'a', '\t', 'b', '"', '\\', 0x7f}, t.get(4).bytes());
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9}, t.get(5).bytes(), "non-ASCII is stored as UTF-8");
    }

    @Test
    void longestMatchPunctuationAndKeywords() {
        List<TokenKind> k = lex("<<= >>= << >> <= >= -> && || #[ != == fn let u64 proc").stream().map(Token::kind).toList();
        assertEquals(List.of(TokenKind.SHL_EQ, TokenKind.SHR_EQ, TokenKind.SHL, TokenKind.SHR, TokenKind.LE, TokenKind.GE,
                TokenKind.ARROW, TokenKind.ANDAND, TokenKind.OROR, TokenKind.HASH_LBRACKET, TokenKind.NE, TokenKind.EQEQ,
                TokenKind.FN, TokenKind.LET, TokenKind.PRIM, TokenKind.IDENT, TokenKind.EOF), k);
    }

    @Test
    void positionsCountLinesAndColumnsAcrossComments() {
        List<Token> t = lex("/* a\n b */ x // c\n\ty");
        assertEquals("l.tk:2:7", t.get(0).pos().toString());
        assertEquals("l.tk:3:2", t.get(1).pos().toString());
    }
}
