package dev.tk86.tools.gdb;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.Stop;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;

/**
 * The listening side of the stub. The machine runs on the calling thread; between chunks of a
 * run it looks for a new connection (gdb attaching stops the guest, as an interrupt would) and,
 * while gdb is attached, for gdb's interrupt byte. One client at a time; after it detaches or
 * disconnects the guest runs on, and another may attach.
 */
public final class GdbServer implements AutoCloseable {
    private final ServerSocketChannel channel;
    private final GdbAddress address;

    private GdbServer(ServerSocketChannel channel, GdbAddress address) {
        this.channel = channel;
        this.address = address;
    }

    /** Binds now, so that a port in use is reported before anything runs. */
    public static GdbServer listen(GdbAddress a) {
        try {
            ServerSocketChannel ch = ServerSocketChannel.open();
            ch.bind(new InetSocketAddress(a.host(), a.port()));
            int port = ((InetSocketAddress) ch.getLocalAddress()).getPort();
            return new GdbServer(ch, new GdbAddress(a.host(), port, a.named()));
        } catch (BindException e) {
            throw new BadInputException("--gdb " + a + ": cannot listen there: " + e.getMessage()
                    + (a.port() != 0 ? " (is another tk86 or gdbserver using the port? pick another, or 0 for any)" : ""));
        } catch (IOException e) {
            throw new BadInputException("--gdb " + a + ": cannot listen there: " + e.getMessage());
        }
    }

    public GdbAddress address() { return address; }

    /**
     * Serves gdb until the machine ends or a client kills it. With {@code waitFirst} the guest
     * does not run before the first client has attached.
     */
    public void serve(Controller controller, PrintWriter log, boolean waitFirst) throws IOException {
        log.println("tk86: gdb stub listening on " + address + " (target remote " + address + ")");
        log.flush();
        Stop stop = null;
        if (waitFirst) {
            channel.configureBlocking(true);
            if (session(controller, channel.accept(), null, log) == GdbSession.End.KILLED) return;
        }
        channel.configureBlocking(false);
        while (!controller.ended()) {
            SocketChannel[] pending = new SocketChannel[1];
            controller.setInterruptPoll(() -> {
                try {
                    pending[0] = channel.accept();
                } catch (IOException e) {
                    return false;
                }
                return pending[0] != null;
            });
            stop = controller.cont();
            controller.setInterruptPoll(() -> false);
            if (pending[0] == null) {
                if (stop.kind() == Stop.Kind.INTERRUPTED) continue;
                if (stop.isFinal() || stop.kind() == Stop.Kind.BUDGET) break;
                continue; // a breakpoint left by a client that is gone: go on
            }
            pending[0].configureBlocking(true);
            if (session(controller, pending[0], stop, log) == GdbSession.End.KILLED) return;
        }
    }

    private GdbSession.End session(Controller controller, SocketChannel ch, Stop stop, PrintWriter log) {
        Socket s = ch.socket();
        try (s) {
            s.setTcpNoDelay(true);
            log.println("tk86: gdb attached from " + s.getRemoteSocketAddress());
            log.flush();
            GdbSession.End end = new GdbSession(controller, s.getInputStream(), s.getOutputStream(), stop).serve();
            log.println("tk86: gdb " + end.name().toLowerCase());
            log.flush();
            return end;
        } catch (IOException e) {
            log.println("tk86: gdb connection lost: " + e.getMessage());
            log.flush();
            return GdbSession.End.DISCONNECTED;
        }
    }

    @Override
    public void close() throws IOException { channel.close(); }
}
