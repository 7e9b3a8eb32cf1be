package dev.tk86.tools.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What tk86 writes is JSON that its own reader (and any other) reads back unchanged. */
class JsonWriterTest {

    @Test
    void objectsAreWrittenOnOneLineInInsertionOrder() {
        JsonValue v = new JsonObjectBuilder().put("end", "completed").put("steps", 3).put("ok", true)
                .put("none", (String) null).build();
        assertEquals("{\"end\":\"completed\",\"steps\":3,\"ok\":true,\"none\":null}", JsonWriter.write(v));
    }

    @Test
    void stringsAreEscaped() {
        String nasty = "quote\" backslash\\ newline\n tab\t bell\u0007 del\u007f é";
        String written = JsonWriter.write(JsonValue.of(nasty));
        assertEquals("\"quote\\\" backslash\\\\ newline\\n tab\\t bell\\u0007 del\\u007f é\"", written);
        assertEquals(JsonValue.of(nasty), JsonReader.parse(written));
    }

    @Test
    void writtenTextReadsBackToTheSameValue() {
        String text = "{\"a\":[1,-2,3.5e2,true,false,null],\"b\":{\"c\":\"d\"},\"e\":[]}";
        assertEquals(text, JsonWriter.write(JsonReader.parse(text)));
    }
}
