package dev.tk86.tools.trace;

import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonArray;
import dev.tk86.tools.json.JsonValue.JsonNumber;
import dev.tk86.tools.json.JsonValue.JsonObject;
import dev.tk86.tools.json.JsonValue.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Trace Event Format (Google's "Trace Event Format" document, the JSON that
 * chrome://tracing and ui.perfetto.dev import) as a checker: the JSON Object Format
 * ({@code traceEvents} array, optional {@code displayTimeUnit} "ms" or "ns"); every event
 * with a string {@code name} and {@code ph}, integer {@code pid} and {@code tid}, a numeric
 * {@code ts} (microseconds) except for metadata; per phase: "X" complete events with a
 * non-negative {@code dur}; "B"/"E" duration events; "i"/"I" instant events with scope
 * {@code s} of "g", "p" or "t"; "C" counter events whose {@code args} map series names to
 * numbers; "M" metadata events named process_name, process_labels, process_sort_index,
 * thread_name or thread_sort_index with their {@code args}. Returns every violation.
 */
final class TraceEventSchema {
    private static final Set<String> PHASES = Set.of("B", "E", "X", "i", "I", "C", "M", "b", "n", "e", "s", "t", "f", "P", "O", "N", "D");
    private static final Set<String> METADATA = Set.of("process_name", "process_labels", "process_sort_index", "thread_name", "thread_sort_index");

    private TraceEventSchema() { }

    static List<String> violations(JsonValue doc) {
        List<String> out = new ArrayList<>();
        if (!(doc instanceof JsonObject o)) return List.of("the document is not a JSON object");
        if (!(o.get("traceEvents") instanceof JsonArray events)) return List.of("traceEvents is missing or not an array");
        JsonValue unit = o.get("displayTimeUnit");
        if (unit != null && !(unit instanceof JsonString s && (s.value().equals("ms") || s.value().equals("ns"))))
            out.add("displayTimeUnit must be \"ms\" or \"ns\"");
        for (int i = 0; i < events.elements().size(); i++) event(i, events.elements().get(i), out);
        return out;
    }

    private static void event(int i, JsonValue v, List<String> out) {
        String at = "traceEvents[" + i + "]";
        if (!(v instanceof JsonObject e)) { out.add(at + " is not an object"); return; }
        if (!(e.get("name") instanceof JsonString)) out.add(at + ": name must be a string");
        if (!(e.get("ph") instanceof JsonString ph) || !PHASES.contains(ph.value())) { out.add(at + ": ph must be a phase letter (B E X i I C M b n e s t f P O N D)"); return; }
        if (!isInteger(e.get("pid"))) out.add(at + ": pid must be an integer");
        if (!isInteger(e.get("tid")) && !ph.value().equals("C") && !ph.value().equals("M")) out.add(at + ": tid must be an integer");
        if (!ph.value().equals("M") && !(e.get("ts") instanceof JsonNumber ts && ts.toBigInteger() != null && ts.toBigInteger().signum() >= 0))
            out.add(at + ": ts must be a non-negative number of microseconds");
        switch (ph.value()) {
            case "X" -> {
                if (!(e.get("dur") instanceof JsonNumber d) || d.toBigInteger() == null || d.toBigInteger().signum() < 0)
                    out.add(at + ": a complete event needs a non-negative dur");
            }
            case "i", "I" -> {
                JsonValue s = e.get("s");
                if (s != null && !(s instanceof JsonString str && Set.of("g", "p", "t").contains(str.value())))
                    out.add(at + ": an instant event's scope s must be g, p or t");
            }
            case "C" -> {
                if (!(e.get("args") instanceof JsonObject args) || args.members().isEmpty()) out.add(at + ": a counter event needs args");
                else for (Map.Entry<String, JsonValue> a : args.members().entrySet())
                    if (!(a.getValue() instanceof JsonNumber)) out.add(at + ": counter series " + a.getKey() + " is not a number");
            }
            case "M" -> {
                String name = e.get("name") instanceof JsonString n ? n.value() : "";
                if (!METADATA.contains(name)) out.add(at + ": unknown metadata event " + name);
                if (!(e.get("args") instanceof JsonObject args) || args.members().isEmpty()) out.add(at + ": a metadata event needs args");
            }
            default -> { }
        }
    }

    private static boolean isInteger(JsonValue v) { return v instanceof JsonNumber n && n.isInteger(); }
}
