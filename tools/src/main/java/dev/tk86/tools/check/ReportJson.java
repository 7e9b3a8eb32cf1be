package dev.tk86.tools.check;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonIntegers;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;

/** Field readers for check reports read back from JSON: a wrong field is one line naming it. */
final class ReportJson {
    private ReportJson() { }

    static JsonObject object(JsonValue v, String source, String field) {
        if (v instanceof JsonObject o) return o;
        throw bad(source, field, "an object", v);
    }

    static long integer(JsonValue v, String source, String field) {
        if (v == null) throw bad(source, field, "an integer", null);
        try {
            return JsonIntegers.toLong(v, field);
        } catch (RuntimeException e) {
            throw new BadInputException(source + ": " + e.getMessage());
        }
    }

    static double decimal(JsonValue v, String source, String field) {
        if (v instanceof JsonValue.JsonNumber n) return Double.parseDouble(n.text());
        throw bad(source, field, "a number", v);
    }

    static String string(JsonValue v, String source, String field) {
        if (v instanceof JsonValue.JsonString s) return s.value();
        throw bad(source, field, "a string", v);
    }

    static String stringOrNull(JsonValue v, String source, String field) {
        if (v == null || v instanceof JsonValue.JsonNull) return null;
        return string(v, source, field);
    }

    static Failure failure(JsonObject f, String source, String field) {
        return new Failure(string(f.get("invariant"), source, field + ".invariant"), string(f.get("workload"), source, field + ".workload"),
                integer(f.get("seed"), source, field + ".seed"), (int) integer(f.get("cpus"), source, field + ".cpus"),
                integer(f.get("steps"), source, field + ".steps"), string(f.get("message"), source, field + ".message"),
                string(f.get("replay"), source, field + ".replay"));
    }

    private static BadInputException bad(String source, String field, String expected, JsonValue got) {
        return new BadInputException(source + ": field " + field + ": expected " + expected + ", got "
                + (got == null ? "nothing" : JsonValue.kindOf(got)));
    }
}
