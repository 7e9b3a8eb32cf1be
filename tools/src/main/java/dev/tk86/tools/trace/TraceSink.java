package dev.tk86.tools.trace;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonWriter;
import java.io.PrintWriter;

/**
 * Writes trace events: text ({@code cpu0 1234 switch old=... new=...}) or JSON lines
 * ({@code {"kind":"switch","cpu":0,"step":1234,...}}).
 */
public final class TraceSink {
    private final PrintWriter out;
    private final TraceFormat format;
    private long events;

    public TraceSink(PrintWriter out, TraceFormat format) {
        this.out = out;
        this.format = format;
    }

    public void accept(TraceEvent e) {
        events++;
        out.println(format == TraceFormat.TEXT ? text(e) : json(e));
    }

    public long events() { return events; }

    public void flush() { out.flush(); }

    public static String text(TraceEvent e) {
        StringBuilder sb = new StringBuilder("cpu").append(e.cpu()).append(' ').append(e.step()).append(' ').append(e.kind().label());
        for (TraceEvent.Field f : e.fields()) {
            sb.append(' ');
            if (!f.name().isEmpty()) sb.append(f.name()).append('=');
            sb.append(f.value());
        }
        return sb.toString();
    }

    public static String json(TraceEvent e) {
        JsonObjectBuilder b = new JsonObjectBuilder().put("kind", e.kind().label()).put("cpu", e.cpu()).put("step", e.step());
        for (TraceEvent.Field f : e.fields()) {
            String name = f.name().isEmpty() ? "text" : f.name();
            if (f.value() instanceof String s) b.put(name, s);
            else b.put(name, ((Number) f.value()).longValue());
        }
        return JsonWriter.write(b.build());
    }
}
