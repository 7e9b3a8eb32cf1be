package dev.tk86.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.cli.Cli;
import dev.tk86.tools.inspect.KernelInspector;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trace options: nothing is attached when nothing is asked for (no step hook, so the
 * executor keeps its compiled blocks), every kind can be asked for, the jsonl
 * format is one JSON object per line, and bad options are one line and status 2 before the
 * guest starts.
 */
class TraceOptionsTest {
    @TempDir Path dir;

    private static KernelInspector run(TraceConfig c, StringWriter text) throws Exception {
        KernelInspector[] k = new KernelInspector[1];
        Tracing[] t = new Tracing[1];
        GuestBoot.run(TestImages.of("GENERIC"), new BootOptions(MachineConfig.defaults().withCpus(2), "", 50_000_000), b -> { }, x -> {
            k[0] = x;
            t[0] = Tracing.attach(x, c, new PrintWriter(text));
        });
        t[0].finish();
        return k[0];
    }

    @Test
    void withoutTracingNoStepHookIsInstalled() throws Exception {
        assertEquals(null, run(TraceConfig.NONE, new StringWriter()).machine().hook(), "untraced runs keep the hook-free executor");
        KernelInspector traced = run(new TraceConfig(java.util.Set.of(TraceKind.INT), java.util.Optional.empty(), TraceFormat.TEXT,
                java.util.Optional.empty()), new StringWriter());
        assertTrue(traced.machine().hook() instanceof TraceHook);
    }

    @Test
    void everyKindTracesAndJsonlIsOneObjectPerLine() throws Exception {
        Path f = dir.resolve("t.jsonl");
        Cli.Outcome o = Cli.run("boot", TestImages.of("GENERIC").toString(), "--cpus", "2", "--trace", "all", "--trace-format", "jsonl",
                "--trace-file", f.toString());
        assertEquals(0, o.status(), o::toString);
        java.util.Set<String> kinds = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(f)) {
            var obj = (dev.tk86.tools.json.JsonValue.JsonObject) dev.tk86.tools.json.JsonReader.parse(line);
            kinds.add(((dev.tk86.tools.json.JsonValue.JsonString) obj.get("kind")).value());
        }
        // the smoke kernel has no cpu_switchto: every other kind shows up (ints: the APs' startup and the timer)
        assertTrue(kinds.containsAll(java.util.List.of("insn", "stmt", "mmu")), kinds.toString());
    }

    @Test
    void badTraceOptionsAreOneLineAndStatusTwo() {
        Cli.Outcome o = Cli.run("boot", TestImages.of("GENERIC").toString(), "--trace", "switch,syscalls");
        assertEquals(2, o.status(), o::toString);
        assertEquals("tk86: --trace: unknown kind 'syscalls' (kinds: insn, stmt, switch, mmu, int, all)\n", o.err());
        Cli.Outcome f = Cli.run("boot", TestImages.of("GENERIC").toString(), "--trace", "switch", "--trace-file", dir.resolve("no/such/dir/t").toString());
        assertEquals(2, f.status(), f::toString);
        assertTrue(f.err().startsWith("tk86: --trace-file: cannot write "), f.err());
        assertEquals("", f.out(), "the guest never started");
    }

    @Test
    void aDebuggersHookRunsFirstAndAStepItStoppedBeforeIsTracedOnce() throws Exception {
        KernelInspector k = GuestBoot.boot(TestImages.testKernel("switch"), new BootOptions(MachineConfig.defaults().withCpus(1), "", 1_000_000));
        long entry = k.image().address("cpu_switchto");
        boolean[] stopped = {false};
        k.machine().setHook(c -> {
            if (c.rip == entry && !stopped[0]) { stopped[0] = true; return false; }
            return true;
        });
        StringWriter text = new StringWriter();
        Tracing t = Tracing.attach(k, new TraceConfig(java.util.Set.of(TraceKind.INSN), java.util.Optional.empty(), TraceFormat.TEXT,
                java.util.Optional.empty()), new PrintWriter(text));
        assertEquals(dev.tk86.isa.machine.RunResult.Reason.STOPPED, k.machine().run(1_000_000).reason());
        assertEquals(dev.tk86.isa.machine.RunResult.Reason.POWER_OFF, k.machine().run(1_000_000).reason());
        t.finish();
        assertEquals(1, text.toString().lines().filter(l -> l.contains(" <cpu_switchto> pushq %rbx")).count(), text.toString());
    }

    @Test
    void replayTakesTheSameTraceOptions() throws Exception {
        Path f = dir.resolve("replay.txt");
        Cli.Outcome o = Cli.run("replay", TestImages.testKernel("switch").toString(), "--cpus", "1", "--trace", "switch", "--trace-file", f.toString());
        assertEquals(0, o.status(), o::toString);
        List<String> lines = Files.readAllLines(f);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("cpu0 \\d+ switch old=0x[0-9a-f]+ new=0x[0-9a-f]+ cr3=0x[0-9a-f]+->0x[0-9a-f]+ ci_proc_pmap=0x0->0x0"), lines.get(0));
    }
}
