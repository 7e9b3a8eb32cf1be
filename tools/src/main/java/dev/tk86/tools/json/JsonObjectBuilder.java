package dev.tk86.tools.json;

import dev.tk86.tools.json.JsonValue.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds an object member by member, keeping the order in which members are put. */
public final class JsonObjectBuilder {
    private final Map<String, JsonValue> members = new LinkedHashMap<>();

    public JsonObjectBuilder put(String key, JsonValue v) {
        members.put(key, v);
        return this;
    }

    public JsonObjectBuilder put(String key, String s) { return put(key, s == null ? JsonValue.NULL : JsonValue.of(s)); }

    public JsonObjectBuilder put(String key, long n) { return put(key, JsonValue.of(n)); }

    public JsonObjectBuilder put(String key, boolean b) { return put(key, JsonValue.of(b)); }

    public JsonObject build() { return new JsonObject(members); }
}
