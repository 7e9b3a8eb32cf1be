package dev.tk86.tools.boot;

import dev.tk86.tools.inspect.PanicReport;
import dev.tk86.tools.inspect.stack.Frame;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/**
 * The panic report in {@code --json}: {@code {"message", "cpu", "thread": {"pid","tid","name"} or
 * null, "backtrace": [{"level", "pc" (hex string), "function", "offset", "tkl", "file", "line",
 * "text"}]}}; file and line are null for x86 frames.
 */
final class PanicJson {
    private PanicJson() { }

    static JsonValue of(PanicReport r) {
        List<JsonValue> frames = new ArrayList<>();
        for (int i = 0; i < r.frames().size(); i++) {
            Frame f = r.frames().get(i);
            frames.add(new JsonObjectBuilder()
                    .put("level", f.level())
                    .put("pc", String.format("0x%x", f.pc()))
                    .put("function", f.function())
                    .put("offset", f.offset())
                    .put("tkl", f.tkl())
                    .put("file", f.site().isPresent() ? JsonValue.of(f.site().get().file()) : JsonValue.NULL)
                    .put("line", f.site().isPresent() ? JsonValue.of(f.site().get().line()) : JsonValue.NULL)
                    .put("text", r.lines().get(i))
                    .build());
        }
        JsonValue thread = r.thread().<JsonValue>map(t -> new JsonObjectBuilder().put("pid", t.pid()).put("tid", t.tid())
                .put("name", t.command()).build()).orElse(JsonValue.NULL);
        return new JsonObjectBuilder().put("message", r.message()).put("cpu", r.cpu()).put("thread", thread)
                .put("backtrace", new JsonValue.JsonArray(frames)).build();
    }
}
