package dev.tk86.images.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One kernel configuration, as read from a file in images/conf (the format is in
 * images/conf/README.md).
 *
 * @param name    the kernel's name: the file name (GENERIC, SMOKE), as in OpenBSD
 * @param file    the configuration file
 * @param machine the architecture ({@code amd64}, the only one)
 * @param optionLines enabled options, in the order they were first enabled, each with the
 *                {@code file:line} that enabled it
 * @param patches diffs to apply to the copy of the kernel tree before building, in order
 */
public record KernelConfig(String name, Path file, String machine, Map<String, String> optionLines, List<ConfigPatch> patches) {
    public KernelConfig {
        optionLines = Collections.unmodifiableMap(new LinkedHashMap<>(optionLines));
        patches = List.copyOf(patches);
    }

    /** A {@code patch "FILE"} line: the diff and the {@code file:line} that named it. */
    public record ConfigPatch(Path diff, String where) { }

    public Set<String> options() { return optionLines.keySet(); }

    /** Every enabled option must be one the kernel tree declares; the error points at the line that enabled it. */
    public void check(KnownOptions known) throws ConfigException {
        for (Map.Entry<String, String> o : optionLines.entrySet()) {
            if (!known.names().contains(o.getKey()))
                throw new ConfigException(o.getValue() + ": unknown option '" + o.getKey() + "'" + suggestion(o.getKey(), known.names())
                        + " (the kernel tree's " + KnownOptions.FILE + " declares: " + String.join(", ", known.names()) + ")");
        }
    }

    /** " (did you mean X?)" for a declared option within two edits, else "". */
    private static String suggestion(String o, Set<String> names) {
        String best = null;
        int bestD = 3;
        for (String k : names) {
            int d = distance(o.toUpperCase(), k.toUpperCase());
            if (d < bestD) { bestD = d; best = k; }
        }
        return best == null ? "" : " (did you mean " + best + "?)";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++)
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
