package dev.tk86.tools.cli;

import dev.tk86.images.SourceLayout;
import dev.tk86.images.build.BuildException;
import dev.tk86.loader.ImageException;
import dev.tk86.tools.BadInputException;
import dev.tk86.tools.boot.BootExitCodes;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.DefaultImage;
import dev.tk86.tools.boot.GuestBoot;
import dev.tk86.tools.inspect.KernelInspector;
import dev.tk86.tools.trace.TraceConfig;
import dev.tk86.tools.trace.TraceOptions;
import dev.tk86.tools.trace.Tracing;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugTarget;
import dev.tk86.tools.debug.Disassembler;
import dev.tk86.tools.debug.LineMode;
import dev.tk86.tools.debug.cmd.Session;
import dev.tk86.tools.debug.screen.ScreenMode;
import dev.tk86.tools.gdb.GdbOptions;
import dev.tk86.tools.gdb.GdbServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tk86 debug}: boot an image stopped at its entry point, under the debugger. */
@Command(name = "debug", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Boot a kernel image stopped at its first instruction and debug it: step x86",
                "instructions (si) and TKL statements (s, n, finish), break on symbols, addresses",
                "and TKL file:line with conditions, watch memory, and look at registers, page",
                "walks, the TLB, backtraces across x86 and TKL frames, TKL values and the process",
                "table (p, bt, ps, show proc; type help). On a terminal it is full screen; with",
                "a pipe, or --plain, it reads one command per line. --script runs a file of",
                "commands and exits. --gdb serves the GDB remote protocol instead."},
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:the session ended (quit, end of input or of the script)",
                "2:bad options, an unreadable script, or an image that cannot be booted",
                "7:no IMAGE given and the default image could not be built",
                "70:internal error in tk86"})
final class DebugCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "kernel image (default: the GENERIC image)")
    Path image;

    @Mixin MachineOptions machine;

    @Option(names = "--script", paramLabel = "FILE", description = "run the commands in FILE (one per line, # comments), print the transcript, exit")
    Path script;

    @Option(names = "--plain", description = "line mode even on a terminal")
    boolean plain;

    @Mixin GdbOptions gdb;

    @Mixin TraceOptions trace;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        BootOptions options = machine.toBootOptions();
        TraceConfig traceConfig = trace.config();
        String scriptText = null;
        if (script != null) {
            try {
                scriptText = Files.readString(script, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new BadInputException("--script: cannot read " + script + ": " + ErrorHandlers.oneLine(e.getMessage()));
            }
        }
        GdbServer server = gdb.open(); // a port in use is an error before the guest starts
        Path img = image;
        if (img == null) {
            try {
                img = DefaultImage.resolve(SourceLayout.locate(), err);
            } catch (BuildException e) {
                err.println("tk86: cannot build the default image: " + e.headline());
                err.flush();
                return BootExitCodes.NO_DEFAULT_IMAGE;
            }
        }
        DebugTarget target;
        Tracing tracing;
        try {
            KernelInspector k = GuestBoot.boot(img, options);
            tracing = Tracing.attach(k, traceConfig, err); // before the controller, which keeps the tracer's hook
            target = DebugTarget.of(img, k);
        } catch (ImageException e) {
            if (server != null) server.close();
            err.println("tk86: " + img + ": " + ErrorHandlers.oneLine(e.getMessage()));
            err.flush();
            return BootExitCodes.IMAGE;
        }
        Controller controller = new Controller(target, options.maxSteps());
        target.machine().console().setListener(b -> { out.print((char) b); if (b == '\n') out.flush(); });
        try {
            return session(controller, server, scriptText, img, out);
        } finally {
            tracing.finish();
        }
    }

    private int session(Controller controller, GdbServer server, String scriptText, Path img, PrintWriter out) throws IOException {
        DebugTarget target = controller.target();
        if (server != null) {
            try (server) {
                server.serve(controller, spec.commandLine().getErr(), true);
            }
            return 0;
        }
        Session session = new Session(controller, out);
        if (scriptText != null) {
            out.println("tk86 debug " + img.getFileName() + ": " + target.cpuCount() + " CPUs, disassembly by " + Disassembler.engine());
            out.println(session.location());
            LineMode.run(session, new BufferedReader(new java.io.StringReader(scriptText)), out, true);
            return 0;
        }
        if (!plain && System.console() != null && ScreenMode.available()) {
            ScreenMode.run(session);
            return 0;
        }
        out.println("tk86 debug " + img.getFileName() + ": " + target.cpuCount() + " CPUs, stopped at entry; type help");
        out.println(session.location());
        LineMode.run(session, new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out, false);
        return 0;
    }
}
