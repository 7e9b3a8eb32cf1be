package dev.tk86.tools.gdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.isa.machine.MachineConfig;
import dev.tk86.tools.boot.BootOptions;
import dev.tk86.tools.boot.TestImages;
import dev.tk86.tools.debug.Controller;
import dev.tk86.tools.debug.DebugTarget;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Malformed packets, bad checksums, cut-off packets, stray interrupt bytes and dropped
 * connections never crash or wedge the stub (issue 10, item 3): 100,000 random and mutated
 * packets from a fixed seed, then a fresh connection is still answered correctly.
 */
class StubFuzzTest {
    private static final String[] CORPUS = {
            "?", "g", "G", "p10", "P10=", "m", "M", "X", "c", "s", "C05", "S05", "vCont?", "vCont;c", "vCont;s:1;c", "vCont;s:2",
            "Z0,", "z0,", "Z1,", "Z2,", "Z3,", "Z4,", "z2,", "Hg", "Hc", "T", "qSupported:swbreak+;hwbreak+", "qfThreadInfo",
            "qsThreadInfo", "qC", "qAttached", "qThreadExtraInfo,", "qXfer:features:read:target.xml:", "qXfer:threads:read::",
            "qRcmd,", "qSymbol::", "vMustReplyEmpty", "D", "k", "vKill;1", "QStartNoAckMode", "qOffsets", "!", "vRun;"};
    private static final String[] MONITOR = {"help", "tlb", "pt 0xffffffff80100000", "ps", "cpu_info", "msr 0xc0000080", "msr 7",
            "regs", "cr", "phys on", "phys off", "step-irq on", "step-irq off", "break-cr3 0x17000 main", "break-pid 1 main", "frob", ""};

    @Test
    void aHundredThousandRandomAndMutatedPacketsNeitherCrashNorWedgeTheStub() throws Exception {
        DebugTarget t = DebugTarget.boot(TestImages.of("SMOKE"), new BootOptions(MachineConfig.defaults().withCpus(2), "", 20_000_000L));
        Controller c = new Controller(t, 20_000_000L);
        SplittableRandom r = new SplittableRandom(0x7486_10_03L);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        int packets = 100_000, wellFormed = 0;
        for (int i = 0; i < packets; i++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                byte[] junk = new byte[1 + r.nextInt(40)];
                r.nextBytes(junk);
                stream.writeBytes(junk); // noise, including stray '$', '#', 0x03 and '}'
            } else if (kind == 1) {
                stream.writeBytes(("$" + payload(r) + "#zz").getBytes(StandardCharsets.ISO_8859_1)); // not a checksum
            } else if (kind == 2) {
                byte[] p = frame(payload(r));
                p[p.length - 1] ^= 0x01; // wrong checksum
                stream.writeBytes(p);
            } else if (kind == 3) {
                byte[] p = frame(payload(r));
                stream.write(p, 0, r.nextInt(p.length)); // cut off: the next '$' starts over
            } else {
                stream.writeBytes(frame(payload(r)));
                wellFormed++;
            }
        }
        byte[] input = stream.toByteArray();
        long[] counts = new long[3]; // read, written, sessions killed
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            InputStream in = new ByteArrayInputStream(input);
            // detach and kill end a session; like a reconnecting client, the rest of the input goes to a new one
            while (in.available() > 0) {
                GdbSession s = new GdbSession(c, in, OutputStream.nullOutputStream(), c.lastStop());
                if (s.serve() == GdbSession.End.KILLED) counts[2]++;
                counts[0] += s.packetsRead();
                counts[1] += s.packetsWritten();
            }
        });
        // noise may swallow a following packet (a stray '$' and '#'), but most arrive, and each one read is answered
        // (a mutated payload may itself hold a raw $ or #, which the protocol does not allow)
        assertTrue(counts[0] > wellFormed * 3 / 4, counts[0] + " of " + wellFormed + " well-formed packets were read");
        assertTrue(counts[1] >= counts[0] - counts[2], counts[1] + " replies to " + counts[0] + " packets, " + counts[2] + " kills");

        // afterwards the stub still answers a well-behaved client
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] hello = concat(frame("qfThreadInfo"), frame("Hg1"), frame("p10"), frame("qXfer:features:read:target.xml:0,40"));
        assertEquals(GdbSession.End.DISCONNECTED, new GdbSession(c, new ByteArrayInputStream(hello), out, c.lastStop()).serve());
        String text = out.toString(StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("$m1,2#"), text);
        assertTrue(text.matches("(?s).*\\$[0-9a-f]{16}#.*"), "rip as 8 bytes of hex: " + text);
        assertTrue(text.contains("<?xml"), text);
    }

    private static String payload(SplittableRandom r) {
        String base = CORPUS[r.nextInt(CORPUS.length)];
        StringBuilder p = new StringBuilder(base);
        switch (r.nextInt(6)) {
            case 0 -> { } // as is: often missing its arguments
            case 1 -> p.append(Long.toHexString(r.nextLong())).append(',').append(Integer.toHexString(r.nextInt(0x5000)));
            case 2 -> p.append("ffffffff801").append(Integer.toHexString(r.nextInt(0x10000))).append(',').append(Integer.toHexString(1 + r.nextInt(16)))
                    .append(r.nextBoolean() ? ":" + Long.toHexString(r.nextLong()) : "");
            case 3 -> p.append(Hex.of(MONITOR[r.nextInt(MONITOR.length)]));
            case 4 -> { for (int i = r.nextInt(300); i > 0; i--) p.append((char) (32 + r.nextInt(95))); }
            default -> { // mutate a byte of the packet
                if (p.length() > 0) p.setCharAt(r.nextInt(p.length()), (char) r.nextInt(256));
            }
        }
        return p.toString();
    }

    private static byte[] frame(String payload) {
        byte[] b = payload.getBytes(StandardCharsets.ISO_8859_1);
        int sum = 0;
        for (byte x : b) sum += x & 0xFF;
        return ("$" + payload + "#" + String.format("%02x", sum & 0xFF)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }
}
