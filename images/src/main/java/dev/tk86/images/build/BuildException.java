package dev.tk86.images.build;

import java.nio.file.Path;
import java.util.List;

/**
 * A kernel that does not build: which step failed, the errors one per line exactly as the user
 * needs them ({@code arch/amd64/amd64/locore.S:30: Error: no such instruction: `bogus'}), and
 * the work directory, which is kept so the user can look at assym.h, the cpp output and the
 * objects. No stack trace.
 */
public final class BuildException extends Exception {
    private final String headline;
    private final List<String> errors;
    private final Path workDir;

    public BuildException(String headline, List<String> errors, Path workDir) {
        super(render(headline, errors, workDir), null, false, false);
        this.headline = headline;
        this.errors = List.copyOf(errors);
        this.workDir = workDir;
    }

    public BuildException(String headline, Path workDir) { this(headline, List.of(), workDir); }

    /** One line: what failed, and where the work directory is (if there is one). */
    public String headline() { return headline + (workDir == null ? "" : " (work directory kept: " + workDir + ")"); }

    /** The errors, one per line, file:line first when the tool said where. */
    public List<String> errors() { return errors; }

    public Path workDir() { return workDir; }

    private static String render(String headline, List<String> errors, Path workDir) {
        StringBuilder s = new StringBuilder(headline);
        if (workDir != null) s.append(" (work directory kept: ").append(workDir).append(')');
        for (String e : errors) s.append('\n').append(e);
        return s.toString();
    }
}
