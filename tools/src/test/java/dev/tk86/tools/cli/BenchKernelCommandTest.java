package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.json.JsonReader;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonValue.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code tk86 bench kernel} (issue 8, "Benchmark"): its JSON form and its errors. No timing is asserted. */
@Timeout(300)
class BenchKernelCommandTest {
    private static String num(JsonObject o, String k) { return ((JsonValue.JsonNumber) o.get(k)).text(); }

    @Test
    void jsonHasExitsPerSecondAndThePerExitCostsOfEachWorkload() {
        Cli.Outcome o = Cli.run("bench", "kernel", "--json", "--image", TestImages.of("GENERIC").toString(), "--params", "n=6",
                "--runs", "2", "--warmups", "0", "--trace", "switch");
        assertEquals(ExitCodes.OK, o.status(), o::toString);
        JsonObject j = (JsonObject) JsonReader.parse(o.out());
        assertEquals("2", num(j, "cpus"));
        List<JsonValue> ws = ((JsonValue.JsonArray) j.get("workloads")).elements();
        assertEquals(2, ws.size());
        JsonObject forkexit = (JsonObject) ws.get(0);
        assertEquals("workload=forkexit n=6", ((JsonValue.JsonString) forkexit.get("cmdline")).value());
        assertEquals("7", num(forkexit, "exits"), "the n=6 children exit, then their parent");
        for (String k : List.of("exits_per_s", "exits_per_cpu_s", "wall_s", "context_switches_per_exit", "x86_instructions_per_exit",
                "tkl_statements_per_exit", "traced_wall_s", "trace_ratio", "trace_cpu_ratio"))
            assertTrue(Double.parseDouble(num(forkexit, k)) > 0, k + " in " + o.out());
        assertEquals("configure", ((JsonValue.JsonString) ((JsonObject) ws.get(1)).get("workload")).value());
    }

    @Test
    void aKernelWithoutExitsIsAToolFailureNamingTheCounter() {
        Cli.Outcome o = Cli.run("bench", "kernel", "--image", TestImages.testKernel("switch").toString(), "--runs", "1", "--warmups", "0");
        assertEquals(ExitCodes.FAILURE, o.status(), o::toString);
        assertTrue(o.err().contains("the kernel counted no exits (kc_exits)"), o.err());
    }

    @Test
    void badOptionsAreBadInput() {
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "kernel", "--runs", "0").status());
        assertEquals(ExitCodes.BAD_INPUT, Cli.run("bench", "kernel", "--workloads", "fork exit").status());
        Cli.Outcome o = Cli.run("bench", "kernel", "--trace", "sched");
        assertEquals(ExitCodes.BAD_INPUT, o.status());
        assertTrue(o.err().contains("--trace: unknown kind 'sched'"), o.err());
    }
}
