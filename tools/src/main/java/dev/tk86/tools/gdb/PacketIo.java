package dev.tk86.tools.gdb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The framing of the GDB remote serial protocol: {@code $payload#cs} with a two-digit hex
 * modulo-256 checksum, '+'/'-' acknowledgements (until QStartNoAckMode), '}' escapes and the
 * bare 0x03 interrupt byte. Anything malformed is dropped or nacked; nothing here throws on
 * bad input, only on a closed connection.
 */
public final class PacketIo {
    /** The largest payload accepted; longer packets are discarded (and answered with '-'). */
    public static final int MAX_PAYLOAD = 0x4000;
    /** Returned by {@link #read} for the interrupt byte. */
    public static final byte[] INTERRUPT = new byte[0];

    private final InputStream in;
    private final OutputStream out;
    private boolean ack = true;
    private int pushback = -1;
    private byte[] lastSent;
    private long packetsRead, packetsWritten;

    public PacketIo(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    public void stopAcks() { ack = false; }

    /** Well-formed packets received, and packets sent (for the fuzz test: every one is answered). */
    public long packetsRead() { return packetsRead; }

    public long packetsWritten() { return packetsWritten; }

    /** Whether a byte is waiting (an interrupt while the machine runs), without blocking. */
    public boolean interruptPending() throws IOException {
        if (pushback >= 0) return pushback == 0x03;
        if (in.available() <= 0) return false;
        int b = in.read();
        if (b == 0x03) return true;
        pushback = b; // the start of a packet: keep it for read()
        return false;
    }

    private int next() throws IOException {
        if (pushback >= 0) {
            int b = pushback;
            pushback = -1;
            return b;
        }
        return in.read();
    }

    /**
     * The next packet's payload (escapes undone), {@link #INTERRUPT} for 0x03, or null at end
     * of input. Packets with a bad checksum are nacked and skipped; stray bytes are ignored.
     */
    public byte[] read() throws IOException {
        while (true) {
            int b = next();
            if (b < 0) return null;
            if (b == 0x03) return INTERRUPT;
            if (b == '-' && ack && lastSent != null) { out.write(lastSent); out.flush(); continue; } // gdb asks again
            if (b != '$') continue; // acks, noise
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            int sum = 0;
            boolean tooLong = false;
            while (true) {
                b = next();
                if (b < 0) return null;
                if (b == '#') break;
                if (b == '$') { payload.reset(); sum = 0; tooLong = false; continue; } // a new start: the old packet was cut
                sum += b;
                if (payload.size() >= MAX_PAYLOAD) tooLong = true;
                else payload.write(b);
            }
            int h1 = next(), h2 = next();
            if (h1 < 0 || h2 < 0) return null;
            int cs = hex(h1) << 4 | hex(h2);
            if (hex(h1) < 0 || hex(h2) < 0 || cs != (sum & 0xFF) || tooLong) {
                if (ack) { out.write('-'); out.flush(); }
                continue;
            }
            if (ack) { out.write('+'); out.flush(); }
            packetsRead++;
            return unescape(payload.toByteArray());
        }
    }

    private static byte[] unescape(byte[] p) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(p.length);
        for (int i = 0; i < p.length; i++) {
            if (p[i] == '}' && i + 1 < p.length) o.write(p[++i] ^ 0x20);
            else o.write(p[i]);
        }
        return o.toByteArray();
    }

    static int hex(int c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** Sends a packet, escaping what must be escaped. Acks from gdb are read and skipped by {@link #read}. */
    public void write(String payload) throws IOException { write(payload.getBytes(StandardCharsets.ISO_8859_1)); }

    public void write(byte[] payload) throws IOException {
        ByteArrayOutputStream o = new ByteArrayOutputStream(payload.length + 8);
        o.write('$');
        int sum = 0;
        for (byte b : payload) {
            int c = b & 0xFF;
            if (c == '$' || c == '#' || c == '}' || c == '*') {
                o.write('}');
                sum += '}';
                c ^= 0x20;
            }
            o.write(c);
            sum += c;
        }
        o.write('#');
        o.write(String.format("%02x", sum & 0xFF).getBytes(StandardCharsets.ISO_8859_1));
        lastSent = o.toByteArray();
        packetsWritten++;
        out.write(lastSent);
        out.flush();
    }
}
