package dev.tk86.tools.gdb;

import dev.tk86.isa.machine.RunResult;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.BootOutcome;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugTarget;
import dev.tk86.tools.debug.Stop;
import dev.tk86.tools.inspect.KernelInspector;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.IntConsumer;

/**
 * {@code tk86 boot --gdb}: the same boot as without the stub (tracers attached alike), run by
 * the debugger's controller so gdb can attach at any time (or first, with --wait-gdb); it ends
 * with the same outcome and report.
 */
public final class GdbBoot {
    private GdbBoot() { }

    public static BootOutcome run(Path image, BootOptions options, IntConsumer console, GuestBoot.Attach attach,
                                  GdbServer server, boolean waitFirst, PrintWriter log) throws ImageException {
        try (server) {
            KernelInspector k = GuestBoot.boot(image, options);
            k.machine().console().setListener(console);
            attach.attach(k);
            Controller c = new Controller(DebugTarget.of(image, k), options.maxSteps());
            server.serve(c, log, waitFirst);
            RunResult last = c.lastResult();
            long steps = k.machine().counters().get("steps");
            boolean budget = c.lastStop() != null && c.lastStop().kind() == Stop.Kind.BUDGET;
            RunResult r = c.ended() ? new RunResult(last.reason(), last.exitStatus(), last.detail(), steps)
                    : budget ? new RunResult(RunResult.Reason.STEP_LIMIT, -1, "stopped after " + steps + " steps", steps)
                    : new RunResult(RunResult.Reason.STOPPED, -1, "gdb killed the guest", steps);
            return GuestBoot.outcome(k, r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
