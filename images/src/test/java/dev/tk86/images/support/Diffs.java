package dev.tk86.images.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes unified diffs against the real kernel tree, for patch tests. */
public final class Diffs {
    private Diffs() { }

    /** The 1-based number of the first line of {@code file} (relative to kernel/sys) that contains {@code text}. */
    public static int lineOf(String file, String text) {
        List<String> lines = lines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(file + " has no line containing " + text);
    }

    /**
     * A diff replacing line {@code line} of {@code file} with {@code replacement}, with three lines of
     * context, paths prefixed by {@code prefix} ("sys/" for OpenBSD style, "kernel/sys/" for git style).
     */
    public static String replaceLine(String prefix, String file, int line, String replacement) {
        List<String> lines = lines(file);
        int from = Math.max(1, line - 3), to = Math.min(lines.size(), line + 3);
        List<String> out = new ArrayList<>();
        out.add("--- a/" + prefix + file);
        out.add("+++ b/" + prefix + file);
        int n = to - from + 1;
        out.add("@@ -" + from + "," + n + " +" + from + "," + n + " @@");
        for (int i = from; i <= to; i++) {
            if (i == line) {
                out.add("-" + lines.get(i - 1));
                out.add("+" + replacement);
            } else {
                out.add(" " + lines.get(i - 1));
            }
        }
        return String.join("\n", out) + "\n";
    }

    public static Path write(Path dir, String name, String diff) {
        try {
            return Files.writeString(dir.resolve(name), diff);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(TestBuilds.LAYOUT.tree().resolve(file));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
