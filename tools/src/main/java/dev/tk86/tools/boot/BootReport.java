package dev.tk86.tools.boot;

import dev.tk86.tools.inspect.PanicReport;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What {@code tk86 boot} prints after the console: a summary for people, or one JSON object.
 * Neither contains host time, so the same image, options and seed give the same bytes.
 */
public final class BootReport {
    private BootReport() { }

    /**
     * One line saying how the run ended; after a panic the CPU, the thread and the backtrace;
     * then the counters, one per line: the machine's, the kernel's kc_* ones without the prefix,
     * and the per-exit costs.
     */
    public static String text(BootOutcome o) {
        StringBuilder s = new StringBuilder();
        s.append("tk86: ").append(ending(o)).append(" after ").append(o.result().steps()).append(" steps\n");
        o.panicReport().ifPresent(p -> panic(s, p));
        Map<String, String> counters = counters(o);
        int width = 0;
        for (String k : counters.keySet()) width = Math.max(width, k.length());
        for (Map.Entry<String, String> c : counters.entrySet()) {
            String label = c.getKey().replace('_', ' ');
            s.append("  ").append(label).append(" ".repeat(width - label.length() + 2)).append(c.getValue()).append('\n');
        }
        return s.toString();
    }

    private static void panic(StringBuilder s, PanicReport p) {
        s.append("  on cpu").append(p.cpu()).append(", ").append(p.threadText()).append('\n');
        s.append("  backtrace:\n");
        for (String line : p.lines()) s.append("    ").append(line).append('\n');
    }

    /** Every counter as text, in the order they are printed. */
    private static Map<String, String> counters(BootOutcome o) {
        Map<String, String> m = new LinkedHashMap<>();
        o.counters().forEach((k, v) -> m.put(k, Long.toString(v)));
        o.kernelCounters().forEach((k, v) -> m.put(k, Long.toUnsignedString(v)));
        o.perExit().forEach((k, v) -> m.put(k, decimal(v)));
        return m;
    }

    static String decimal(double v) { return String.format(Locale.ROOT, "%.2f", v); }

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
     * {@code {"exit_status":0,"panic":null,"panic_report":null,"console":"...","counters":{...},"stop":"power_off","detail":"..."}}:
     * exit_status is null unless the guest powered off, panic (the message) and panic_report
     * ({@link PanicJson}) null unless it panicked. counters holds the machine's counters, then
     * the kernel's kc_* ones without the prefix, then the per-exit costs (decimals).
     */
    public static String json(BootOutcome o) {
        JsonObjectBuilder counters = new JsonObjectBuilder();
        for (Map.Entry<String, Long> c : o.counters().entrySet()) counters.put(c.getKey(), c.getValue());
        for (Map.Entry<String, Long> c : o.kernelCounters().entrySet())
            counters.put(c.getKey(), new JsonValue.JsonNumber(Long.toUnsignedString(c.getValue())));
        for (Map.Entry<String, Double> c : o.perExit().entrySet()) counters.put(c.getKey(), new JsonValue.JsonNumber(decimal(c.getValue())));
        Long status = o.exitStatus();
        JsonObjectBuilder b = new JsonObjectBuilder()
                .put("exit_status", status == null ? JsonValue.NULL : JsonValue.of(status))
                .put("panic", o.panic())
                .put("panic_report", o.panicReport().map(PanicJson::of).orElse(JsonValue.NULL))
                .put("console", o.console())
                .put("counters", counters.build())
                .put("stop", o.stop())
                .put("detail", o.result().detail());
        return JsonWriter.write(b.build());
    }
}
