package dev.tk86.tools.boot;

import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import java.util.Map;

/**
 * What {@code tk86 boot} prints after the console: a summary for people, or one JSON object.
 * Neither contains host time, so the same image, options and seed give the same bytes.
 */
public final class BootReport {
    private BootReport() { }

    /** One line saying how the run ended, then the counters, one per line. */
    public static String text(BootOutcome o) {
        StringBuilder s = new StringBuilder();
        s.append("tk86: ").append(ending(o)).append(" after ").append(o.result().steps()).append(" steps\n");
        int width = 0;
        for (String k : o.counters().keySet()) width = Math.max(width, k.length());
        for (Map.Entry<String, Long> c : o.counters().entrySet()) {
            String label = c.getKey().replace('_', ' ');
            s.append("  ").append(label).append(" ".repeat(width - label.length() + 2)).append(c.getValue()).append('\n');
        }
        return s.toString();
    }

    private static String ending(BootOutcome o) {
        return switch (o.result().reason()) {
            case PANIC -> "kernel panic: " + o.panic();
            case POWER_OFF -> "powered off with exit status " + o.result().exitStatus();
            case TRIPLE_FAULT -> "triple fault: " + o.result().detail();
            case STEP_LIMIT -> "step limit reached (--max-steps)";
            case ALL_HALTED -> "hang: " + o.result().detail();
            case STOPPED -> "stopped: " + o.result().detail();
        };
    }

    /**
     * {@code {"exit_status":0,"panic":null,"console":"...","counters":{...},"stop":"power_off","detail":"..."}}:
     * exit_status is null unless the guest powered off, panic null unless it panicked.
     */
    public static String json(BootOutcome o) {
        JsonObjectBuilder counters = new JsonObjectBuilder();
        for (Map.Entry<String, Long> c : o.counters().entrySet()) counters.put(c.getKey(), c.getValue());
        Long status = o.exitStatus();
        JsonObjectBuilder b = new JsonObjectBuilder()
                .put("exit_status", status == null ? JsonValue.NULL : JsonValue.of(status))
                .put("panic", o.panic())
                .put("console", o.console())
                .put("counters", counters.build())
                .put("stop", o.stop())
                .put("detail", o.result().detail());
        return JsonWriter.write(b.build());
    }
}
