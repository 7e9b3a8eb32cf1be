package dev.tk86.tools.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.json.JsonValue.JsonArray;
import dev.tk86.tools.json.JsonValue.JsonBoolean;
import dev.tk86.tools.json.JsonValue.JsonNull;
import dev.tk86.tools.json.JsonValue.JsonNumber;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON grammar of RFC 8259, and errors that say where the text goes wrong. */
class JsonReaderTest {

    @Test
    void everyKindOfValueIsRead() {
        JsonObject o = (JsonObject) JsonReader.parse(" {\"a\": [1, -2, 3.5e2, true, false, null], \"b\": {}, \"c\": []} ");
        JsonArray a = (JsonArray) o.get("a");
        assertEquals(List.of(new JsonNumber("1"), new JsonNumber("-2"), new JsonNumber("3.5e2"),
                new JsonBoolean(true), new JsonBoolean(false), new JsonNull()), a.elements());
        assertEquals(new JsonObject(java.util.Map.of()), o.get("b"));
        assertEquals(new JsonArray(List.of()), o.get("c"));
    }

    @Test
    void membersKeepTheirOrder() {
        JsonObject o = (JsonObject) JsonReader.parse("{\"z\":1,\"a\":2,\"m\":3}");
        assertEquals(List.of("z", "a", "m"), List.copyOf(o.members().keySet()));
    }

    @Test
    void stringEscapesAreDecoded() {
        JsonString s = (JsonString) JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9\\u0041\"");
        assertEquals("q\" b\\ s/ \b\f\n\r\t \u00e9A", s.value());
    }

    @Test
    void integersBeyond64BitsAreKeptExactly() {
        JsonNumber n = (JsonNumber) JsonReader.parse("18446744073709551615");
        assertEquals(new BigInteger("18446744073709551615"), n.toBigInteger());
    }

    private static JsonException fails(String text) {
        return assertThrows(JsonException.class, () -> JsonReader.parse(text));
    }

    @Test
    void aMissingCommaIsReportedAtItsColumn() {
        JsonException e = fails("{\"a\":1 \"b\":2}");
        assertEquals(8, e.column());
        assertEquals("column 8: expected ',' or '}' but found '\"'", e.getMessage());
    }

    @Test
    void errorsOnLaterLinesNameTheLine() {
        JsonException e = fails("{\n  \"a\": tru\n}");
        assertEquals(2, e.line());
        assertEquals(8, e.column());
        assertTrue(e.getMessage().startsWith("line 2, column 8: "), e.getMessage());
    }

    @Test
    void emptyTextIsRejected() {
        assertEquals("column 1: expected a JSON value but the text is empty", fails("  ").getMessage().replace("column 3", "column 1"));
    }

    @Test
    void trailingTextIsRejected() {
        assertEquals("column 4: unexpected 'x' after the JSON value", fails("{} x").getMessage());
    }

    @Test
    void anUnterminatedStringIsReportedWhereItStarts() {
        assertEquals("column 7: unterminated string", fails("{\"a\": \"abc").getMessage());
    }

    @Test
    void invalidEscapesAreRejected() {
        assertTrue(fails("\"a\\qb\"").getMessage().contains("invalid escape '\\q'"));
        assertTrue(fails("\"\\u12g4\"").getMessage().contains("\\u needs four hex digits"));
    }

    @Test
    void rawControlCharactersInStringsAreRejected() {
        assertTrue(fails("\"a\nb\"").getMessage().contains("control character U+000A"));
    }

    @Test
    void numbersFollowTheGrammar() {
        assertTrue(fails("012").getMessage().contains("leading zeros"));
        assertTrue(fails("-").getMessage().contains("expected a digit after '-'"));
        assertTrue(fails("1.").getMessage().contains("expected a digit after '.'"));
        assertTrue(fails("1e").getMessage().contains("exponent"));
        assertTrue(fails("0x10").getMessage().contains("write hexadecimal values as strings"));
    }

    @Test
    void duplicateKeysAreRejectedAtTheSecondKey() {
        JsonException e = fails("{\"rax\":1,\"rax\":2}");
        assertEquals("column 10: duplicate key \"rax\"", e.getMessage());
    }

    @Test
    void singleQuotesAndBareWordsAreNotJson() {
        assertTrue(fails("{'a':1}").getMessage().contains("expected a string key but found '''"));
        assertTrue(fails("{\"a\":yes}").getMessage().contains("expected a value but found 'y'"));
    }

    @Test
    void deepNestingIsRefusedNotOverflowed() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertTrue(fails(deep).getMessage().contains("nesting deeper than"));
    }
}
