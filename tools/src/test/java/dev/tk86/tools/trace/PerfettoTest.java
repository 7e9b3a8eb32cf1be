package dev.tk86.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.cli.Cli;
import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: "the Perfetto JSON of a short run is valid trace-event JSON (checked against its
 * schema) with one track per CPU". Also: slices on one CPU track never overlap (a CPU runs one
 * thread at a time), and the timeline is a pure function of the run.
 */
class PerfettoTest {
    @TempDir Path dir;

    private JsonObject run(String image, int cpus, String file) throws Exception {
        Path out = dir.resolve(file);
        Cli.Outcome o = Cli.run("boot", image, "--cpus", Integer.toString(cpus), "--perfetto", out.toString());
        assertEquals(0, o.status(), o::toString);
        return (JsonObject) JsonReader.parse(Files.readString(out));
    }

    private static List<JsonObject> events(JsonObject doc) {
        List<JsonObject> out = new ArrayList<>();
        for (JsonValue v : ((JsonValue.JsonArray) doc.get("traceEvents")).elements()) out.add((JsonObject) v);
        return out;
    }

    private static String str(JsonObject e, String k) { return ((JsonValue.JsonString) e.get(k)).value(); }

    private static long num(JsonObject e, String k) { return Long.parseLong(((JsonValue.JsonNumber) e.get(k)).text()); }

    @Test
    void aShortRunIsValidTraceEventJsonWithOneTrackPerCpu() throws Exception {
        for (int cpus : new int[] {1, 2, 4}) {
            JsonObject doc = run(TestImages.of("GENERIC").toString(), cpus, "smoke" + cpus + ".json");
            assertEquals(List.of(), TraceEventSchema.violations(doc));
            Set<Long> named = new TreeSet<>(), sliced = new TreeSet<>();
            for (JsonObject e : events(doc)) {
                if (str(e, "ph").equals("M") && str(e, "name").equals("thread_name")) {
                    named.add(num(e, "tid"));
                    assertEquals("cpu" + num(e, "tid"), str((JsonObject) e.get("args"), "name"));
                }
                if (str(e, "ph").equals("X")) sliced.add(num(e, "tid"));
            }
            Set<Long> expected = new TreeSet<>();
            for (long c = 0; c < cpus; c++) expected.add(c);
            assertEquals(expected, named, "one named track per CPU");
            assertEquals(expected, sliced, "every CPU ran something");
        }
    }

    @Test
    void slicesOnACpuTrackNeverOverlap() throws Exception {
        JsonObject doc = run(TestImages.testKernel("switch").toString(), 1, "switch.json");
        assertEquals(List.of(), TraceEventSchema.violations(doc));
        Map<Long, Long> end = new HashMap<>();
        int slices = 0;
        for (JsonObject e : events(doc)) {
            if (!str(e, "ph").equals("X")) continue;
            slices++;
            long tid = num(e, "tid"), ts = num(e, "ts");
            assertTrue(ts >= end.getOrDefault(tid, 0L), "slice at " + ts + " starts before the previous one ended");
            end.put(tid, ts + num(e, "dur"));
        }
        assertEquals(2, slices, "the switch kernel's one cpu_switchto ends the first slice and starts the second");
    }

    @Test
    void theSchemaCheckRejectsWhatTheFormatForbids() throws Exception {
        JsonValue bad = JsonReader.parse("{\"traceEvents\":[{\"name\":\"x\",\"ph\":\"X\",\"ts\":1,\"pid\":0,\"tid\":0},"
                + "{\"name\":\"c\",\"ph\":\"C\",\"ts\":1,\"pid\":0,\"args\":{\"n\":\"one\"}},{\"ph\":\"Q\"}],\"displayTimeUnit\":\"s\"}");
        assertEquals(List.of("displayTimeUnit must be \"ms\" or \"ns\"", "traceEvents[0]: a complete event needs a non-negative dur",
                "traceEvents[1]: counter series n is not a number", "traceEvents[2]: name must be a string",
                "traceEvents[2]: ph must be a phase letter (B E X i I C M b n e s t f P O N D)"),
                TraceEventSchema.violations(bad));
    }

    @Test
    void theTimelineIsAPureFunctionOfTheRun() throws Exception {
        assertEquals(run(TestImages.of("GENERIC").toString(), 2, "a.json"), run(TestImages.of("GENERIC").toString(), 2, "b.json"));
    }

    @Test
    void theKernelsForksExitsAndFreesAreInstantsAndLiveUareasAndVmspacesAreCounters() throws Exception {
        Path out = dir.resolve("kernel.json");
        Cli.Outcome o = Cli.run("boot", TestImages.of("GENERIC").toString(), "--json", "--perfetto", out.toString());
        assertEquals(0, o.status(), o::toString);
        JsonObject kc = (JsonObject) ((JsonObject) JsonReader.parse(o.out())).get("counters");
        JsonObject doc = (JsonObject) JsonReader.parse(Files.readString(out));
        assertEquals(List.of(), TraceEventSchema.violations(doc));
        Map<String, Integer> instants = new HashMap<>();
        Set<String> counters = new TreeSet<>(), threads = new TreeSet<>();
        for (JsonObject e : events(doc)) {
            String ph = str(e, "ph");
            if (ph.equals("i")) instants.merge(str(e, "name"), 1, Integer::sum);
            if (ph.equals("C")) counters.add(str(e, "name"));
            if (ph.equals("X")) threads.add(str(e, "name"));
        }
        for (String k : List.of("fork", "exit", "free uarea", "free vmspace", "free proc"))
            assertTrue(instants.getOrDefault(k, 0) > 0, k + " missing in " + instants);
        // an instant per call of fork1 and exit1, as the kernel counts them itself
        assertEquals(num(kc, "forks"), (long) instants.get("fork"));
        assertEquals(num(kc, "exits"), (long) instants.get("exit"));
        assertEquals(Set.of("live uareas", "live vmspaces"), counters);
        assertTrue(threads.stream().anyMatch(t -> t.matches("init 1/\\d+")), "init has slices: " + threads);
        assertEquals(2, threads.stream().filter(t -> t.startsWith("idle 0/")).count(), "each CPU's idle thread has slices: " + threads);
    }
}
