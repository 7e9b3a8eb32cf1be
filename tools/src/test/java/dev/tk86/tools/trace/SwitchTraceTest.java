package dev.tk86.tools.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.boot.TestImages;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: "a 20-line text trace of a context switch matches a golden file". The SWITCH test
 * kernel (test resources kernels/switch) switches once from main to thread b, whose PCB holds
 * another %cr3; {@code --trace insn,switch} shows cpu_switchto instruction by instruction with
 * the registers each one changed, then the switch line.
 */
class SwitchTraceTest {
    static String trace(Path image, java.util.Set<TraceKind> kinds) throws Exception {
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        Tracing[] t = new Tracing[1];
        BootOutcome o = GuestBoot.run(image, new BootOptions(MachineConfig.defaults().withCpus(1), "", 1_000_000), b -> { },
                k -> t[0] = Tracing.attach(k, new TraceConfig(kinds, Optional.empty(), TraceFormat.TEXT, Optional.empty()), err));
        t[0].finish();
        assertEquals(0L, o.exitStatus(), o.console());
        return text.toString();
    }

    @Test
    void aTwentyLineTraceOfAContextSwitchMatchesTheGoldenFile() throws Exception {
        String all = trace(TestImages.testKernel("switch"), java.util.EnumSet.of(TraceKind.INSN, TraceKind.SWITCH));
        List<String> lines = all.lines().toList();
        int sw = 0;
        while (!lines.get(sw).contains(" switch ")) sw++;
        // the last 20 lines up to the switch line: cpu_switchto from its stores into the old PCB to its ret
        String twenty = String.join("\n", lines.subList(sw - 19, sw + 1)) + "\n";
        assertEquals(dev.tk86.tools.inspect.PanicReportTest.golden("switch-trace.txt"), twenty);
    }

    @Test
    void theSwitchLineShowsCr3BeforeAndAfterAndTheInstructionTraceShowsTheLoad() throws Exception {
        String all = trace(TestImages.testKernel("switch"), java.util.EnumSet.of(TraceKind.SWITCH, TraceKind.MMU));
        List<String> switches = all.lines().filter(l -> l.contains(" switch ")).toList();
        assertEquals(1, switches.size(), all);
        assertTrue(switches.get(0).matches("cpu0 \\d+ switch old=0x[0-9a-f]+ new=0x[0-9a-f]+ cr3=0x[0-9a-f]+->0x[0-9a-f]+ ci_proc_pmap=0x0->0x0"),
                switches.get(0));
        assertTrue(all.lines().anyMatch(l -> l.matches("cpu0 \\d+ mmu cr3=0x[0-9a-f]+->0x[0-9a-f]+ at=0x[0-9a-f]+ <cpu_switchto\\+0x[0-9a-f]+>")), all);
    }
}
