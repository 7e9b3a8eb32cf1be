package dev.tk86.tools.gdb;

import dev.tk86.tools.BadInputException;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Where the stub listens: {@code PORT} (loopback) or {@code HOST:PORT}. A host is only ever
 * one the user named: without one the stub is reachable from this machine alone.
 */
public record GdbAddress(InetAddress host, int port, boolean named) {
    public static GdbAddress parse(String text) {
        String t = text.strip();
        int colon = t.lastIndexOf(':');
        String host = colon < 0 ? null : t.substring(0, colon);
        String port = colon < 0 ? t : t.substring(colon + 1);
        int p;
        try {
            p = Integer.parseInt(port);
        } catch (NumberFormatException e) {
            throw new BadInputException("--gdb: '" + text + "' is not [HOST:]PORT; expected e.g. 1234 or 127.0.0.1:1234");
        }
        if (p < 0 || p > 65535) throw new BadInputException("--gdb: port " + p + " is out of range; expected 0..65535 (0: any free port)");
        if (host == null || host.isEmpty()) return new GdbAddress(InetAddress.getLoopbackAddress(), p, false);
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        try {
            return new GdbAddress(InetAddress.getByName(host), p, true);
        } catch (UnknownHostException e) {
            throw new BadInputException("--gdb: unknown host '" + host + "'");
        }
    }

    @Override public String toString() { return host.getHostAddress() + ":" + port; }
}
