package dev.tk86.tools.json;

import dev.tk86.tools.json.JsonValue.JsonArray;
import dev.tk86.tools.json.JsonValue.JsonBoolean;
import dev.tk86.tools.json.JsonValue.JsonNull;
import dev.tk86.tools.json.JsonValue.JsonNumber;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.util.Map;

/** Writes JSON on one line (the batch modes print one object per line). */
public final class JsonWriter {
    private JsonWriter() { }

    public static String write(JsonValue v) {
        StringBuilder s = new StringBuilder(128);
        write(v, s);
        return s.toString();
    }

    public static void write(JsonValue v, StringBuilder out) {
        if (v instanceof JsonObject o) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, JsonValue> m : o.members().entrySet()) {
                if (!first) out.append(',');
                first = false;
                quote(m.getKey(), out);
                out.append(':');
                write(m.getValue(), out);
            }
            out.append('}');
        } else if (v instanceof JsonArray a) {
            out.append('[');
            for (int i = 0; i < a.elements().size(); i++) {
                if (i > 0) out.append(',');
                write(a.elements().get(i), out);
            }
            out.append(']');
        } else if (v instanceof JsonString s) {
            quote(s.value(), out);
        } else if (v instanceof JsonNumber n) {
            out.append(n.text());
        } else if (v instanceof JsonBoolean b) {
            out.append(b.value());
        } else if (v instanceof JsonNull) {
            out.append("null");
        }
    }

    /** A JSON string literal: quotes, backslashes and control characters escaped. */
    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7F) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
                }
            }
        }
        out.append('"');
    }
}
