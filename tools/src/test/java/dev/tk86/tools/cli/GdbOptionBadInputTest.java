package dev.tk86.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tk86.tools.boot.TestImages;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, "Bad input" for the stub: a port in use, a malformed [HOST:]PORT, --wait-gdb
 * without --gdb, and a debugger script that cannot be read are one line and status 2, before
 * the guest starts (nothing of its console appears).
 */
class GdbOptionBadInputTest {
    private static void assertRefusedBeforeTheGuestRuns(String fragment, String... args) {
        Cli.Outcome o = Cli.run(args);
        assertEquals(ExitCodes.BAD_INPUT, o.status(), o.err());
        String err = o.err().strip();
        assertFalse(err.contains("\n"), err);
        assertTrue(err.startsWith("tk86: ") && err.contains(fragment), err);
        assertEquals("", o.out(), "the guest did not start");
    }

    @Test
    void aPortInUseIsAnErrorBeforeTheGuestStarts() throws Exception {
        String image = TestImages.of("SMOKE").toString();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String port = Integer.toString(taken.getLocalPort());
            assertRefusedBeforeTheGuestRuns("--gdb 127.0.0.1:" + port + ": cannot listen there", "boot", image, "--gdb", port);
            assertRefusedBeforeTheGuestRuns("cannot listen there", "debug", image, "--gdb", port, "--wait-gdb");
        }
    }

    @Test
    void aMalformedAddressNamesWhatIsExpected() {
        assertRefusedBeforeTheGuestRuns("is not [HOST:]PORT; expected e.g. 1234", "boot", "--gdb", "localhost:http");
        assertRefusedBeforeTheGuestRuns("port 70000 is out of range", "boot", "--gdb", "70000");
    }

    @Test
    void waitGdbNeedsGdb() {
        assertRefusedBeforeTheGuestRuns("--wait-gdb: needs --gdb", "boot", "--wait-gdb");
    }

    @Test
    void anUnreadableScriptIsNamed() {
        assertRefusedBeforeTheGuestRuns("--script: cannot read /nonexistent/script.txt", "debug", "--script", "/nonexistent/script.txt");
    }
}
