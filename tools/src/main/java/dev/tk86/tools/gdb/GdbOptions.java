package dev.tk86.tools.gdb;

import dev.tk86.tools.BadInputException;
import picocli.CommandLine.Option;

/** {@code --gdb [HOST:]PORT} and {@code --wait-gdb}, shared by boot and debug. */
public final class GdbOptions {
    @Option(names = "--gdb", paramLabel = "[HOST:]PORT",
            description = "serve the GDB remote protocol on PORT (loopback unless HOST is given; 0 picks a free port)")
    String gdb;

    @Option(names = "--wait-gdb", description = "with --gdb: start the guest only once gdb has connected")
    boolean waitGdb;

    public boolean enabled() { return gdb != null; }

    public boolean waitForGdb() { return waitGdb; }

    /** The listening server, or null without --gdb; a port in use fails here, before the guest starts. */
    public GdbServer open() {
        if (gdb == null) {
            if (waitGdb) throw new BadInputException("--wait-gdb: needs --gdb [HOST:]PORT");
            return null;
        }
        return GdbServer.listen(GdbAddress.parse(gdb));
    }
}
