package dev.tk86.images.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies a unified diff to the compile directory's copy of the kernel tree with GNU patch.
 *
 * <p>Two path styles are accepted, told apart by the file headers: OpenBSD's
 * ({@code --- a/sys/arch/amd64/amd64/locore.S}, applied with {@code -p1}) and this
 * repository's ({@code --- a/kernel/sys/...}, as {@code git diff} writes them, applied with
 * {@code -p2}). The diff is tried with {@code --dry-run} first, so a diff that does not apply
 * changes nothing, and every failing hunk is reported with its file and number. Like patch(1)
 * used by hand, a hunk may apply at an offset or with fuzz; fuzz is reported as a warning.
 */
final class TreePatch {
    private static final Pattern HEADER = Pattern.compile("^(---|\\+\\+\\+) (\\S+).*$");
    private static final Pattern CHECKING = Pattern.compile("^(?:checking|patching) file (.*)$");
    private static final Pattern HUNK_FAILED = Pattern.compile("^Hunk #(\\d+) FAILED at (\\d+)(.*)\\.$");
    private static final Pattern FUZZ = Pattern.compile("^Hunk #(\\d+) succeeded at (\\d+) with fuzz (\\d+).*$");
    private static final Pattern NO_FILE = Pattern.compile("^can't find file to patch at input line (\\d+)$");
    private static final Pattern MALFORMED = Pattern.compile("^patch: \\*\\*\\*\\* malformed patch at line (\\d+): ?(.*)$");

    private TreePatch() { }

    /** A file named by the diff: its path after stripping and the diff line of its header. */
    private record Target(String path, int line) { }

    /** Applies the diff; returns a warning for each hunk that needed fuzz (context lines that did not match). */
    static List<String> apply(Path diff, String shown, Workspace ws) throws BuildException {
        String text;
        try {
            text = Files.readString(diff, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new BuildException("patch " + shown + ": cannot read it (" + e.getMessage() + ")", ws.dir());
        }
        List<Target> targets = targets(text);
        if (targets.isEmpty())
            throw new BuildException("patch " + shown + ": not a unified diff (no '--- a/...' and '+++ b/...' file headers)", ws.dir());
        int strip = -1;
        for (Target t : targets) {
            int s = t.path.startsWith("sys/") ? 1 : t.path.startsWith("kernel/sys/") ? 2 : -1;
            if (s < 0 || (strip >= 0 && s != strip))
                throw new BuildException("patch " + shown + ":" + t.line + ": '" + t.path + "' (after a/ or b/) is not in the kernel tree:"
                        + " paths must all be like a/sys/arch/amd64/amd64/locore.S (OpenBSD) or all like a/kernel/sys/... (this repository)",
                        ws.dir());
            strip = s;
        }
        List<String> common = List.of("patch", "--batch", "--forward", "--no-backup-if-mismatch", "-p" + strip,
                "-d", ws.dir().toString(), "-i", diff.toAbsolutePath().toString());
        List<String> dry = new ArrayList<>(common);
        dry.add(1, "--dry-run");
        Tool.Run check = Tool.run(dry, ws.dir(), ws.dir());
        if (check.status() != 0)
            throw new BuildException("patch " + shown + " does not apply to the kernel tree; nothing was changed",
                    problems(check.output(), shown, targets), ws.dir());
        Tool.Run real = Tool.run(common, ws.dir(), ws.dir());
        if (real.status() != 0) throw new BuildException("patch " + shown + " failed", problems(real.output(), shown, targets), ws.dir());
        List<String> warnings = new ArrayList<>();
        String file = "?";
        for (String l : real.output().lines().toList()) {
            Matcher m;
            if ((m = CHECKING.matcher(l)).matches()) file = m.group(1).replace("'", "");
            else if ((m = FUZZ.matcher(l)).matches())
                warnings.add("patch " + shown + ": " + file + ": hunk #" + m.group(1) + " applied at line " + m.group(2) + " with fuzz " + m.group(3));
        }
        return warnings;
    }

    /** Paths from the +++ headers (the --- one when +++ is /dev/null), with the first component (a/, b/) removed. */
    private static List<Target> targets(String text) {
        List<Target> out = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i + 1 < lines.size(); i++) {
            Matcher minus = HEADER.matcher(lines.get(i)), plus = HEADER.matcher(lines.get(i + 1));
            if (!minus.matches() || !plus.matches() || !minus.group(1).equals("---") || !plus.group(1).equals("+++")) continue;
            String p = plus.group(2).equals("/dev/null") ? minus.group(2) : plus.group(2);
            int slash = p.indexOf('/');
            out.add(new Target(slash < 0 ? p : p.substring(slash + 1), i + 1));
            i++;
        }
        return out;
    }

    /** GNU patch's complaints, one line each, naming the file and hunk (or the diff's line). */
    private static List<String> problems(String output, String shown, List<Target> targets) {
        List<String> out = new ArrayList<>();
        String file = "?";
        for (String l : output.lines().toList()) {
            Matcher m;
            if ((m = CHECKING.matcher(l)).matches()) {
                file = m.group(1).replace("'", "");
            } else if ((m = HUNK_FAILED.matcher(l)).matches()) {
                out.add(file + ": hunk #" + m.group(1) + " does not apply (expected near line " + m.group(2) + m.group(3) + ")");
            } else if ((m = NO_FILE.matcher(l)).matches()) {
                int at = Integer.parseInt(m.group(1));
                String named = "?";
                for (Target t : targets) if (t.line <= at) named = t.path;
                out.add(shown + ":" + at + ": " + named + ": no such file in the kernel tree");
            } else if (l.startsWith("Reversed (or previously applied) patch detected!")) {
                out.add(file + ": the change is already there (reversed or previously applied patch)");
            } else if ((m = MALFORMED.matcher(l)).matches()) {
                out.add(shown + ":" + m.group(1) + ": malformed patch" + (m.group(2).isEmpty() ? "" : ": " + m.group(2)));
            } else if (l.startsWith("patch: **** ")) {
                out.add(shown + ": " + l.substring("patch: **** ".length()));
            }
        }
        return out.isEmpty() ? ToolMessages.raw(output) : out;
    }
}
