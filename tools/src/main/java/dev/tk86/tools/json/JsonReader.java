package dev.tk86.tools.json;

import dev.tk86.tools.json.JsonValue.JsonArray;
import dev.tk86.tools.json.JsonValue.JsonBoolean;
import dev.tk86.tools.json.JsonValue.JsonNumber;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON reader (RFC 8259): one value, optionally surrounded by white space, nothing
 * else. Every error names the line and column where the text stops making sense. Duplicate
 * keys are rejected: in a test case they are always a mistake, and silently keeping one of
 * them would hide it.
 */
public final class JsonReader {
    /** Deeper nesting is refused rather than risking the host stack. */
    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int line = 1;
    private int lineStart;

    private JsonReader(String text) { this.text = text; }

    public static JsonValue parse(String text) {
        JsonReader r = new JsonReader(text);
        r.skipSpace();
        if (r.pos >= text.length()) throw r.error("expected a JSON value but the text is empty");
        JsonValue v = r.value(0);
        r.skipSpace();
        if (r.pos < text.length()) throw r.error("unexpected " + r.describeHere() + " after the JSON value");
        return v;
    }

    private JsonValue value(int depth) {
        if (depth > MAX_DEPTH) throw error("nesting deeper than " + MAX_DEPTH + " levels");
        if (pos >= text.length()) throw error("expected a value but the text ended");
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth);
            case '[' -> array(depth);
            case '"' -> new JsonString(string());
            case 't' -> literal("true", new JsonBoolean(true));
            case 'f' -> literal("false", new JsonBoolean(false));
            case 'n' -> literal("null", JsonValue.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) yield number();
                throw error("expected a value but found " + describeHere());
            }
        };
    }

    private JsonObject object(int depth) {
        pos++; // {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') { pos++; return new JsonObject(members); }
        while (true) {
            skipSpace();
            if (peek() != '"') throw error("expected a string key but found " + describeHere());
            int keyLine = line, keyCol = column();
            String key = string();
            skipSpace();
            expect(':', "':' after the key");
            skipSpace();
            JsonValue v = value(depth + 1);
            if (members.putIfAbsent(key, v) != null)
                throw new JsonException(keyLine, keyCol, "duplicate key \"" + key + "\"");
            skipSpace();
            char c = peek();
            if (c == ',') { pos++; continue; }
            if (c == '}') { pos++; return new JsonObject(members); }
            throw error("expected ',' or '}' but found " + describeHere());
        }
    }

    private JsonArray array(int depth) {
        pos++; // [
        List<JsonValue> elements = new ArrayList<>();
        skipSpace();
        if (peek() == ']') { pos++; return new JsonArray(elements); }
        while (true) {
            skipSpace();
            elements.add(value(depth + 1));
            skipSpace();
            char c = peek();
            if (c == ',') { pos++; continue; }
            if (c == ']') { pos++; return new JsonArray(elements); }
            throw error("expected ',' or ']' but found " + describeHere());
        }
    }

    private String string() {
        int startLine = line, startCol = column();
        pos++; // opening quote
        StringBuilder s = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new JsonException(startLine, startCol, "unterminated string");
            char c = text.charAt(pos);
            if (c == '"') { pos++; return s.toString(); }
            if (c < 0x20) throw error(String.format("control character U+%04X inside a string (write it as \\u%04x)", (int) c, (int) c));
            if (c != '\\') { s.append(c); pos++; continue; }
            if (pos + 1 >= text.length()) throw new JsonException(startLine, startCol, "unterminated string");
            char e = text.charAt(pos + 1);
            switch (e) {
                case '"', '\\', '/' -> s.append(e);
                case 'b' -> s.append('\b');
                case 'f' -> s.append('\f');
                case 'n' -> s.append('\n');
                case 'r' -> s.append('\r');
                case 't' -> s.append('\t');
                case 'u' -> {
                    s.append(unicodeEscape());
                    continue;
                }
                default -> throw error("invalid escape '\\" + printable(e) + "' (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
            }
            pos += 2;
        }
    }

    private char unicodeEscape() {
        if (pos + 6 > text.length()) throw error("\\u needs four hex digits");
        int v = 0;
        for (int i = pos + 2; i < pos + 6; i++) {
            int d = Character.digit(text.charAt(i), 16);
            if (d < 0) { pos = i; throw error("\\u needs four hex digits, found " + describeHere()); }
            v = v * 16 + d;
        }
        pos += 6;
        return (char) v;
    }

    private JsonNumber number() {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
            if (Character.isDigit(peek())) throw error("leading zeros are not allowed in JSON numbers");
        } else if (Character.isDigit(peek())) {
            while (Character.isDigit(peek())) pos++;
        } else {
            throw error("expected a digit after '-' but found " + describeHere());
        }
        if (peek() == '.') {
            pos++;
            if (!Character.isDigit(peek())) throw error("expected a digit after '.' but found " + describeHere());
            while (Character.isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!Character.isDigit(peek())) throw error("expected a digit in the exponent but found " + describeHere());
            while (Character.isDigit(peek())) pos++;
        }
        if (Character.isLetter(peek()) || peek() == 'x')
            throw error("unexpected " + describeHere() + " in a number (write hexadecimal values as strings, e.g. \"0x1f\")");
        return new JsonNumber(text.substring(start, pos));
    }

    private JsonValue literal(String word, JsonValue v) {
        if (!text.startsWith(word, pos)) throw error("expected a value but found " + describeHere());
        pos += word.length();
        return v;
    }

    private void expect(char c, String what) {
        if (peek() != c) throw error("expected " + what + " but found " + describeHere());
        pos++;
    }

    private char peek() { return pos < text.length() ? text.charAt(pos) : '\0'; }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == '\n') { line++; lineStart = pos + 1; }
            else if (c != ' ' && c != '\t' && c != '\r') return;
            pos++;
        }
    }

    private int column() { return pos - lineStart + 1; }

    private String describeHere() {
        if (pos >= text.length()) return "the end of the text";
        return "'" + printable(text.charAt(pos)) + "'";
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7F ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private JsonException error(String what) { return new JsonException(line, column(), what); }
}
