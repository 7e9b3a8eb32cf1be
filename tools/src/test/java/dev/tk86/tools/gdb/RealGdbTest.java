package dev.tk86.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugTarget;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * gdb itself (gdb -batch -x SCRIPT IMAGE) against the stub, as issue 10 item 3 asks: break on
 * a TKL function and on the context switch (cpu_switchto; on a kernel without one, a locore
 * function), continue, read registers including cr3, read kernel memory by symbol, single-step,
 * switch threads (CPUs), set a watchpoint, detach. The assertions are on gdb's own output.
 */
class RealGdbTest {
    @Test
    void gdbDebugsTheDefaultKernelThroughTheStub() throws Exception {
        Path image = TestImages.of("GENERIC");
        DebugTarget t = DebugTarget.boot(image, new BootOptions(MachineConfig.defaults().withCpus(2), "", 500_000_000L));
        boolean switches = t.address("cpu_switchto").isPresent();
        String locore = switches ? "cpu_switchto" : "rdmsr";
        // a variable the run still changes after the breakpoints: context switches, or on the smoke kernel the APs hatching
        String watched = switches ? "*(unsigned long *)&kc_context_switches" : "*(unsigned int *)&cpus_hatched";
        Controller c = new Controller(t, 500_000_000L);
        GdbServer server = GdbServer.listen(new GdbAddress(InetAddress.getLoopbackAddress(), 0, false));
        StringWriter log = new StringWriter();
        Thread stub = new Thread(() -> {
            try (server) {
                server.serve(c, new PrintWriter(log, true), true);
            } catch (Exception e) {
                log.write("stub failed: " + e);
            }
        });
        stub.start();
        Path script = Files.createTempFile("tk86-gdb", ".gdb");
        Files.writeString(script, String.join("\n",
                "set pagination off",
                "set confirm off",
                "target remote 127.0.0.1:" + server.address().port(),
                "break main",
                "break " + locore,
                "continue",
                "continue",
                "info registers rip cr3 cr0 efer gs_base",
                "x/s &version",
                "p/x *(unsigned int *)&ncpus",
                "stepi",
                "p $pc",
                "info threads",
                "thread 2",
                "thread 1",
                "delete",
                "watch " + watched,
                "continue",
                "delete",
                "detach",
                ""));
        Process gdb = new ProcessBuilder("gdb", "-batch", "-nx", "-x", script.toString(), image.toString())
                .redirectErrorStream(true).start();
        boolean done = gdb.waitFor(180, TimeUnit.SECONDS);
        String out = new String(gdb.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!done) gdb.destroyForcibly();
        stub.join(60_000);
        assertTrue(done, "gdb did not finish:\n" + out);
        assertEquals(0, gdb.exitValue(), out);
        assertTrue(out.contains("hit Breakpoint 1, 0x") && out.contains(" in main ()"), "a TKL function:\n" + out);
        assertTrue(out.matches("(?s).*hit Breakpoint 2, (0x[0-9a-f]+ in )?" + locore + " \\(\\).*"), "a locore function:\n" + out);
        long cr3 = t.cpu(0).cr3;
        assertTrue(out.matches("(?s).*\ncr3\\s+0x[0-9a-f]+\\s.*") && out.contains("cr0            0x80010031"), "control registers:\n" + out);
        assertTrue(out.contains("efer           0xd00"), out);
        assertTrue(out.contains("\"tk86/amd64 (GENERIC) "), "kernel memory by symbol:\n" + out);
        assertTrue(out.contains("$1 = 0x2"), "ncpus:\n" + out);
        assertTrue(out.matches("(?s).*\\$2 = \\(void \\(\\*\\)\\(\\)\\) 0x[0-9a-f]+ <" + locore + "\\+\\d+>.*"), "one step into " + locore + ":\n" + out);
        assertTrue(out.contains("Thread 1 \"cpu0\" (cpu0 (running)") && out.contains("Thread 2 \"cpu1\""), "each CPU a thread:\n" + out);
        assertTrue(out.contains("[Switching to thread 2 (Thread 2)]"), out);
        assertTrue(out.contains("Hardware watchpoint 3: " + watched), out);
        assertTrue(out.matches("(?s).*Old value = (\\d+)\\s+New value = \\d+.*"), "the watchpoint hit:\n" + out);
        assertTrue(out.matches("(?s).*Thread \\d \"cpu\\d\" hit Hardware watchpoint 3.*"), "the hit names its CPU:\n" + out);
        assertTrue(out.contains("[Inferior 1 (Remote target) detached]"), out);
        assertTrue(log.toString().contains("gdb detached"), log.toString());
        assertTrue(cr3 != 0);
    }
}
