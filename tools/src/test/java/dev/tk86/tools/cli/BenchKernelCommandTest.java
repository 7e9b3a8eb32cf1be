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
