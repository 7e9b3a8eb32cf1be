package dev.tk86.tools.cli;

import dev.tk86.tools.BadInputException;
import dev.tk86.tools.json.JsonException;
import dev.tk86.tools.json.JsonObjectBuilder;
import dev.tk86.tools.json.JsonValue;
import dev.tk86.tools.json.JsonWriter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The --batch modes: one case per input line, one JSON result per output line, in order.
 * Blank lines are skipped. A line that is bad input gets {@code {"line":N,"error":".."}} in
 * its place (so outputs stay in step with inputs) and a message on stderr, and the batch goes
 * on; the exit status is then {@link ExitCodes#BAD_INPUT}. Output is flushed whenever the
 * input has nothing more ready, so a program feeding cases through a pipe one at a time gets
 * each answer at once, while a file is answered in large writes.
 */
final class BatchLoop {
    private static final int MAX_ERROR_LINES = 10;

    private BatchLoop() { }

    static Reader open(String source) {
        if (source.equals("-")) return new InputStreamReader(System.in, StandardCharsets.UTF_8);
        try {
            return Files.newBufferedReader(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BadInputException("--batch " + source + ": no such file");
        } catch (IOException e) {
            throw new BadInputException("--batch " + source + ": " + e.getMessage());
        }
    }

    /** Runs {@code perLine} over the lines; returns the number of bad lines. */
    static long run(String source, PrintWriter out, PrintWriter err, Function<String, JsonValue> perLine) {
        long bad = 0, lineNo = 0;
        StringBuilder buf = new StringBuilder(512);
        try (BufferedReader in = new BufferedReader(open(source), 1 << 16)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) continue;
                JsonValue result;
                try {
                    result = perLine.apply(line);
                } catch (BadInputException | JsonException e) {
                    bad++;
                    if (bad <= MAX_ERROR_LINES) err.println("tk86: line " + lineNo + ": " + e.getMessage());
                    result = new JsonObjectBuilder().put("line", lineNo).put("error", e.getMessage()).build();
                }
                buf.setLength(0);
                JsonWriter.write(result, buf);
                out.append(buf).append('\n');
                if (!in.ready()) out.flush();
            }
        } catch (IOException e) {
            throw new BadInputException("--batch " + source + ": " + e.getMessage());
        }
        if (bad > MAX_ERROR_LINES) err.println("tk86: ... " + (bad - MAX_ERROR_LINES) + " more bad lines");
        out.flush();
        err.flush();
        return bad;
    }
}
