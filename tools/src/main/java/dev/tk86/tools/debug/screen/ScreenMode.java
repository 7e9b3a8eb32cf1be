package dev.tk86.tools.debug.screen;

import dev.tk86.tools.debug.cmd.Session;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The debugger on a terminal (JLine): the panes of {@link Panes} above, the last command's
 * output below them, and a prompt with history on the last line. Ctrl-C stops a running
 * machine (the interleaving is kept, see Controller); Ctrl-D quits.
 */
public final class ScreenMode {
    private ScreenMode() { }

    /** Whether a real terminal is there (not a dumb one). */
    public static boolean available() {
        String term = System.getenv("TERM");
        return term != null && !term.isEmpty() && !term.equals("dumb");
    }

    public static void run(Session session) throws IOException {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal).build();
            InterruptFlag interrupt = new InterruptFlag();
            terminal.handle(Terminal.Signal.INT, sig -> interrupt.set = true);
            session.controller().setInterruptPoll(() -> {
                boolean was = interrupt.set;
                interrupt.set = false;
                return was;
            });
            List<String> output = new ArrayList<>();
            while (!session.quitRequested()) {
                draw(terminal, session, output);
                String line;
                try {
                    line = reader.readLine("(tk86) ");
                } catch (UserInterruptException e) {
                    continue;
                } catch (EndOfFileException e) {
                    break;
                }
                StringWriter captured = new StringWriter();
                PrintWriter original = session.out();
                session.setOut(new PrintWriter(captured, true));
                try {
                    session.execute(line);
                } finally {
                    session.setOut(original);
                }
                output = new ArrayList<>(List.of(captured.toString().split("\n", -1)));
            }
        }
    }

    /** A flag the signal handler sets and the run polls. */
    private static final class InterruptFlag { volatile boolean set; }

    private static void draw(Terminal t, Session s, List<String> output) {
        int width = Math.max(40, t.getWidth()), height = Math.max(20, t.getHeight());
        int outRows = Math.min(Math.max(3, output.size()), height / 3);
        int paneRows = height - outRows - 2;
        int left = width * 3 / 5;
        List<String> code = Panes.code(s, paneRows / 2);
        List<String> stack = Panes.stack(s, paneRows - code.size());
        List<String> regs = Panes.registers(s);
        List<String> info = Panes.cpuInfo(s, Math.max(2, paneRows - regs.size()));
        List<String> l = new ArrayList<>(code);
        l.addAll(stack);
        List<String> r = new ArrayList<>(regs);
        r.addAll(info);
        StringBuilder sb = new StringBuilder("\033[H\033[2J");
        for (int i = 0; i < paneRows; i++) {
            String a = i < l.size() ? l.get(i) : "", b = i < r.size() ? r.get(i) : "";
            sb.append(fit(a, left - 1)).append('│').append(fit(b, width - left)).append('\n');
        }
        sb.append("─".repeat(width - 1)).append('\n');
        int from = Math.max(0, output.size() - outRows);
        for (int i = from; i < output.size(); i++) sb.append(fit(output.get(i), width - 1)).append('\n');
        t.writer().print(sb);
        t.writer().flush();
    }

    private static String fit(String s, int w) {
        String t = s.replace('\t', ' ');
        if (t.length() > w) return t.substring(0, Math.max(0, w));
        return t + " ".repeat(w - t.length());
    }
}
