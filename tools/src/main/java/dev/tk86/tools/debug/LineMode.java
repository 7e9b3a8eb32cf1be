package dev.tk86.tools.debug;

import dev.tk86.tools.debug.cmd.Session;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The debugger without a terminal: reads commands line by line (from a pipe or a --script
 * file), echoes each after a {@code (tk86)} prompt so a transcript reads like a session, and
 * stops at end of input or {@code quit}.
 */
public final class LineMode {
    private LineMode() { }

    public static void run(Session session, BufferedReader in, PrintWriter out, boolean echo) throws IOException {
        String line;
        while (true) {
            if (!echo) { out.print("(tk86) "); out.flush(); }
            line = in.readLine();
            if (line == null) break;
            if (echo && !line.isBlank()) out.println("(tk86) " + line.strip());
            if (!session.execute(line)) break;
        }
        out.flush();
    }
}
