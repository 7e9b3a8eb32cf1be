package dev.tk86.tools.json;

import java.math.BigInteger;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value (RFC 8259). Objects keep their members in input order so that what tk86 writes
 * reads in the order it was built. Numbers keep their text: tk86 only ever needs integers,
 * and 64-bit register values do not survive a trip through a double.
 */
public sealed interface JsonValue {

    /** An object; member order is insertion order. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public JsonValue get(String key) { return members.get(key); }
    }

    record JsonArray(List<JsonValue> elements) implements JsonValue {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value) implements JsonValue { }

    /** A number exactly as written, e.g. {@code -12}, {@code 1.5e3}. */
    record JsonNumber(String text) implements JsonValue {
        public boolean isInteger() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }

        /** The exact integer value; null if the number has a fraction or an exponent. */
        public BigInteger toBigInteger() { return isInteger() ? new BigInteger(text) : null; }
    }

    record JsonBoolean(boolean value) implements JsonValue { }

    /** The one null; compare with {@code instanceof}. */
    record JsonNull() implements JsonValue { }

    JsonNull NULL = new JsonNull();

    static JsonString of(String s) { return new JsonString(s); }

    static JsonNumber of(long n) { return new JsonNumber(Long.toString(n)); }

    static JsonBoolean of(boolean b) { return new JsonBoolean(b); }

    /** What to call a value's kind in an error message. */
    static String kindOf(JsonValue v) {
        if (v instanceof JsonObject) return "an object";
        if (v instanceof JsonArray) return "an array";
        if (v instanceof JsonString) return "a string";
        if (v instanceof JsonNumber) return "a number";
        if (v instanceof JsonBoolean) return "a boolean";
        return "null";
    }
}
